import { parser as javascriptParser } from '@lezer/javascript';
import { parser as pythonParser } from '@lezer/python';
import { JAVASCRIPT_BUILTINS, PYTHON_BUILTINS } from './code-builtins';

export type CodeLanguage = 'python' | 'javascript' | 'typescript';

export const CODE_LANGUAGES: readonly CodeLanguage[] = ['python', 'javascript', 'typescript'];

// Types from the parsers themselves: @lezer/lr and @lezer/common are not direct dependencies.
type Parser = typeof pythonParser;
type SyntaxNode = ReturnType<Parser['parse']>['topNode'];

interface LanguageRules {
  parser: Parser;
  /** lezer node names that name something the author chose (renamed canonically). */
  identifiers: ReadonlySet<string>;
  builtins: ReadonlySet<string>;
}

const RULES: Record<CodeLanguage, LanguageRules> = {
  python: {
    parser: pythonParser,
    identifiers: new Set(['VariableName']),
    builtins: PYTHON_BUILTINS,
  },
  javascript: {
    parser: javascriptParser,
    identifiers: new Set(['VariableName', 'VariableDefinition', 'Label']),
    builtins: JAVASCRIPT_BUILTINS,
  },
  typescript: {
    parser: javascriptParser.configure({ dialect: 'ts' }),
    identifiers: new Set([
      'VariableName',
      'VariableDefinition',
      'Label',
      'TypeName',
      'TypeDefinition',
    ]),
    builtins: JAVASCRIPT_BUILTINS,
  },
};

const COMMENTS = new Set(['Comment', 'LineComment', 'BlockComment']);

export interface CodeTokenOptions {
  /** Rename identifiers to id1, id2, … in order of first appearance (default true). */
  renameIdentifiers?: boolean;
}

/**
 * Tokens of a piece of code from the language's lezer parser, comments dropped and whitespace
 * ignored. With renaming, every identifier the author chose (variables, parameters, functions,
 * classes, labels; types in TypeScript) becomes idN by first appearance, so a copy with renamed
 * variables yields the same sequence. Kept as written: keywords, operators, literals, builtins
 * (len, print, console, Math, string, …) and property names after a dot or in a definition
 * (obj.items, { key: … }, class fields and methods), since those are often an external API.
 * The text parts of template and f-strings stay, their interpolated expressions are walked.
 * lezer recovers from syntax errors, so a truncated snippet still tokenizes.
 */
export function codeTokens(
  source: string,
  language: CodeLanguage,
  options: CodeTokenOptions = {},
): string[] {
  const rules = RULES[language];
  const rename = options.renameIdentifiers ?? true;
  const canonical = new Map<string, string>();
  const tokens: string[] = [];
  const emitText = (text: string) => {
    for (const part of text.split(/\s+/)) if (part !== '') tokens.push(part);
  };
  const visit = (node: SyntaxNode) => {
    if (COMMENTS.has(node.name)) return;
    let child = node.firstChild;
    if (child === null) {
      const text = source.slice(node.from, node.to);
      if (rename && rules.identifiers.has(node.name) && !rules.builtins.has(text)) {
        if (!canonical.has(text)) canonical.set(text, `id${canonical.size + 1}`);
        tokens.push(canonical.get(text)!);
      } else if (text.trim() !== '') tokens.push(text);
      return;
    }
    // Text between children: whitespace in ordinary nodes, the literal parts of a template string.
    let at = node.from;
    for (; child !== null; child = child.nextSibling) {
      emitText(source.slice(at, child.from));
      visit(child);
      at = child.to;
    }
    emitText(source.slice(at, node.to));
  };
  visit(rules.parser.parse(source).topNode);
  return tokens;
}
