import { PredicateError } from './predicate-error';
import { tokenize, type Token, type TokenKind } from './predicate-lexer';
import type { Predicate } from './predicate';

/** Limits that keep a predicate small to store, cheap to evaluate and readable on a leaderboard. */
export const PREDICATE_LIMITS = {
  maxLength: 1000,
  maxConditions: 32,
  maxDepth: 16,
  maxValuesPerList: 64,
} as const;

const DESCRIBE: Record<TokenKind, string> = {
  name: 'a name',
  string: 'a string',
  and: 'AND',
  or: 'OR',
  not: 'NOT',
  in: 'IN',
  '=': '"="',
  '!=': '"!="',
  '(': '"("',
  ')': '")"',
  ',': '","',
  end: 'the end of the predicate',
};

/**
 * Parses a subset predicate (the grammar of docs/bounties.md) by recursive descent:
 *
 *   predicate = or ;  or = and { OR and } ;  and = unary { AND unary } ;
 *   unary = NOT unary | "(" or ")" | condition ;
 *   condition = value ( "=" | "!=" ) value | value [ NOT ] IN "(" value { "," value } ")" ;
 *   value = name | string.
 *
 * (An attribute whose name is a keyword, such as "in", is written as a string.)
 *
 * Keywords are case-insensitive. Throws PredicateError naming the position of the first problem.
 */
export function parsePredicate(source: string): Predicate {
  if (source.length > PREDICATE_LIMITS.maxLength)
    throw new PredicateError(
      PREDICATE_LIMITS.maxLength,
      `a predicate may be at most ${PREDICATE_LIMITS.maxLength} characters long`,
    );
  const parser = new Parser(tokenize(source));
  const predicate = parser.or(0);
  parser.expect('end', 'AND, OR or the end of the predicate');
  return predicate;
}

class Parser {
  private index = 0;
  private conditions = 0;

  constructor(private readonly tokens: Token[]) {}

  or(depth: number): Predicate {
    const terms = [this.and(depth)];
    while (this.accept('or')) terms.push(this.and(depth));
    return terms.length === 1 ? terms[0] : { kind: 'or', terms };
  }

  private and(depth: number): Predicate {
    const terms = [this.unary(depth)];
    while (this.accept('and')) terms.push(this.unary(depth));
    return terms.length === 1 ? terms[0] : { kind: 'and', terms };
  }

  private unary(depth: number): Predicate {
    const token = this.peek();
    if (depth > PREDICATE_LIMITS.maxDepth)
      throw new PredicateError(
        token.position,
        `nested more than ${PREDICATE_LIMITS.maxDepth} deep`,
      );
    if (this.accept('not')) return { kind: 'not', term: this.unary(depth + 1) };
    if (this.accept('(')) {
      const inner = this.or(depth + 1);
      this.expect(')', '")" to close the "(" at position ' + token.position);
      return inner;
    }
    return this.condition();
  }

  private condition(): Predicate {
    const attribute = this.peek();
    if (attribute.kind !== 'name' && attribute.kind !== 'string')
      throw new PredicateError(
        attribute.position,
        `expected an attribute name, NOT or "(", found ${DESCRIBE[attribute.kind]}`,
      );
    this.index++;
    if (++this.conditions > PREDICATE_LIMITS.maxConditions)
      throw new PredicateError(
        attribute.position,
        `a predicate may hold at most ${PREDICATE_LIMITS.maxConditions} conditions`,
      );
    const at = { attribute: attribute.text, position: attribute.position };
    const operator = this.peek();
    if (this.accept('=') || this.accept('!=')) {
      const value = this.value();
      return { kind: 'in', ...at, values: [value], negated: operator.kind === '!=' };
    }
    const negated = this.accept('not');
    this.expect('in', negated ? 'IN after NOT' : '"=", "!=", IN or NOT IN after the attribute');
    this.expect('(', '"(" to open the list of values');
    const values = [this.value()];
    while (this.accept(',')) {
      if (values.length === PREDICATE_LIMITS.maxValuesPerList)
        throw new PredicateError(
          this.peek().position,
          `a list may hold at most ${PREDICATE_LIMITS.maxValuesPerList} values`,
        );
      values.push(this.value());
    }
    this.expect(')', '"," or ")" in the list of values');
    return { kind: 'in', ...at, values, negated };
  }

  private value(): { text: string; position: number } {
    const token = this.peek();
    if (token.kind !== 'name' && token.kind !== 'string') {
      throw new PredicateError(
        token.position,
        `expected a value (a name such as en-029, or a "quoted string"), found ${DESCRIBE[token.kind]}`,
      );
    }
    this.index++;
    return { text: token.text, position: token.position };
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private accept(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.index++;
    return true;
  }

  expect(kind: TokenKind, what: string): Token {
    const token = this.peek();
    if (token.kind !== kind)
      throw new PredicateError(token.position, `expected ${what}, found ${DESCRIBE[token.kind]}`);
    this.index++;
    return token;
  }
}
