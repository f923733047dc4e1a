// Python's str.split()/str.strip() whitespace (str.isspace), which differs from JS \s: it adds
// \x1c-\x1f and \x85 and leaves out \ufeff. Hand-written because HELM's numbers depend on it.
const PY_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPLIT = new RegExp(`[${PY_WHITESPACE}]+`, 'u');
const EDGES = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'gu');

/** Python `s.split()`: runs of whitespace separate, no empty tokens. */
export function pySplit(text: string): string[] {
  return text.split(SPLIT).filter((token) => token !== '');
}

/** Python `s.strip()`. */
export function pyStrip(text: string): string {
  return text.replace(EDGES, '');
}
