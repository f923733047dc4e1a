import type { GlmRule, GlmRuleSet } from './glm-rules';

/**
 * What `csrfilt.sh -i trn <glm>` does to the text of one trn line (usnistgov/SCTK
 * src/csrfilt/csrfilt.sh 1.17 and src/rfilter1/include/aprules2.c): pad with spaces, up-case
 * a–z, then rfilter1 moves a cursor from left to right; at each position the first rule (in
 * file order) whose A matches there, with C just before and D just after, appends B to the
 * output and skips A; otherwise the character is copied (COPY_NO_HIT, the default) or
 * dropped. The result is re-trimmed, with single spaces. B may hold sclite alternations
 * (`{OK / OKAY}`), which the alignment then reads. Parentheses, which csrfilt treats as
 * optional-deletion markup, must have been removed by the caller.
 */
export function applyGlm(text: string, rules: GlmRuleSet): string {
  const line = ` ${text} `.replace(/[ \t]+/g, ' ').replace(/[a-z]+/g, (s) => s.toUpperCase());
  // csrfilt adds one more space each side, and rfilter1 sees the line with its newline.
  const filtered = rewrite(` ${line} \n`, rules).replace(/\n$/, '');
  return filtered.replace(/^[ \t]+|[ \t]+$/g, '').replace(/[ \t]+/g, ' ');
}

function rewrite(input: string, set: GlmRuleSet): string {
  const byFirst = indexRules(set);
  let out = '';
  let at = 0;
  while (at < input.length) {
    const key = set.caseSensitive ? input[at] : asciiUpper(input[at]);
    const rule = byFirst.get(key)?.find((r) => matches(input, at, r, set.caseSensitive));
    if (rule) {
      out += rule.to;
      at += rule.from.length;
    } else {
      if (set.copyNoHit) out += input[at];
      at += 1;
    }
  }
  return out;
}

const INDEXES = new WeakMap<GlmRuleSet, Map<string, GlmRule[]>>();

/** Rules by their first character (up-cased when matching ignores case), in file order. */
function indexRules(set: GlmRuleSet): Map<string, GlmRule[]> {
  let index = INDEXES.get(set);
  if (index) return index;
  index = new Map();
  for (const rule of set.rules) {
    if (rule.from === '') continue; // rfilter1 files it under NUL, which text never holds
    const key = set.caseSensitive ? rule.from[0] : asciiUpper(rule.from[0]);
    const list = index.get(key);
    if (list) list.push(rule);
    else index.set(key, [rule]);
  }
  INDEXES.set(set, index);
  return index;
}

function matches(input: string, at: number, rule: GlmRule, caseSensitive: boolean): boolean {
  const leftStart = at - rule.left.length;
  if (leftStart < 0) return false; // rfilter1 would read before its buffer
  const same = (start: number, expected: string) => {
    const actual = input.slice(start, start + expected.length);
    return caseSensitive ? actual === expected : asciiUpper(actual) === asciiUpper(expected);
  };
  return (
    same(at, rule.from) && same(leftStart, rule.left) && same(at + rule.from.length, rule.right)
  );
}

// strncasecmp and toupper in the C locale fold ASCII letters only.
function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
