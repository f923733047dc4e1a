import { PredicateError } from './predicate-error';

export type TokenKind =
  'name' | 'string' | 'and' | 'or' | 'not' | 'in' | '=' | '!=' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** The name or the string's unescaped text. */
  text: string;
  /** 0-based offset of the token's first character in the source. */
  position: number;
}

const KEYWORDS: Record<string, TokenKind> = { and: 'and', or: 'or', not: 'not', in: 'in' };
const NAME_CHAR = /[A-Za-z0-9_.:-]/;
const MAX_STRING = 200;

/**
 * Splits a predicate into tokens in one linear pass, character by character: no regular
 * expression is ever built from the input (security.md), and every token keeps its position.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === ',' || c === '=') {
      tokens.push({ kind: c, text: c, position: i++ });
    } else if (c === '!') {
      if (source[i + 1] !== '=')
        throw new PredicateError(i, 'expected "!=" ("!" alone is not an operator)');
      tokens.push({ kind: '!=', text: '!=', position: i });
      i += 2;
    } else if (c === '"') {
      const start = i;
      let text = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') {
          const next = source[i + 1];
          if (next !== '"' && next !== '\\')
            throw new PredicateError(i, 'only \\" and \\\\ may be escaped in a string');
          i++;
        }
        text += source[i++];
        if (text.length > MAX_STRING)
          throw new PredicateError(start, `a string may hold at most ${MAX_STRING} characters`);
      }
      if (i >= source.length) throw new PredicateError(start, 'this string is never closed (")');
      i++;
      tokens.push({ kind: 'string', text, position: start });
    } else if (NAME_CHAR.test(c)) {
      const start = i;
      while (i < source.length && NAME_CHAR.test(source[i])) i++;
      const text = source.slice(start, i);
      const keyword = KEYWORDS[text.toLowerCase()];
      tokens.push({ kind: keyword ?? 'name', text, position: start });
    } else {
      throw new PredicateError(i, `unexpected character ${JSON.stringify(c)}`);
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}
