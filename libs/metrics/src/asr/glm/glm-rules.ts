/**
 * SCTK's GLM ("global mapping") rule files as rfilter1 reads them (usnistgov/SCTK
 * src/rfilter1/include/grules2.c; format in doc/GLMRules.txt), after csrfilt.sh's selection of
 * `;; INPUT_DEPENDENT_APPLICATION = "<names>"` sections. Rules are `A => B` or
 * `A => B / C __ D` (replace A by B when C is just before it and D just after); `[ ]` or `" "`
 * bound strings with spaces. The first line only names the comment flag (its first token,
 * usually ";;"); header lines start with "*" and hold one quoted value.
 */
export interface GlmRule {
  /** 1-based line in the GLM file. */
  line: number;
  from: string;
  to: string;
  left: string;
  right: string;
}

export interface GlmRuleSet {
  name: string;
  description: string;
  copyNoHit: boolean;
  caseSensitive: boolean;
  rules: GlmRule[];
  /** `glm:<name>#<hash of the rules and switches>`: store it with results, like a normalizer id. */
  id: string;
}

export interface GlmParseOptions {
  /** csrfilt.sh -i (default 'trn', as hubscr.pl scores trn files). */
  inputType?: 'trn' | 'ctm' | 'stm' | 'txt' | 'rttm';
  /** csrfilt.sh -t: 'ref' or 'hyp' also selects sections for that side (default neither). */
  purpose?: 'ref' | 'hyp';
}

export class GlmFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `GLM: ${message}` : `GLM line ${line}: ${message}`);
    this.name = 'GlmFormatError';
  }
}

const SECTION = /^;;\s+INPUT_DEPENDENT_APPLICATION\s*=\s*"([^"]*)"/;
const C_SPACE = /[ \t\n\v\f\r]/;
const DEFAULT_MAX_RULES = 400;

export function parseGlm(text: string, options: GlmParseOptions = {}): GlmRuleSet {
  const lines = selectSections(text.split('\n'), options);
  if (lines.length === 0 || (lines.length === 1 && lines[0].text === ''))
    throw new GlmFormatError('the file is empty');
  const commentFlag = /^[!-~]*/.exec(lines[0].text)![0];
  const settings = { name: '', description: '', format: 'NIST1', maxRules: DEFAULT_MAX_RULES };
  const set = { copyNoHit: true, caseSensitive: true };
  const rules: GlmRule[] = [];
  for (const { text: raw, line } of lines.slice(1)) {
    const text = raw.replace(/\n+$/, '').replace(/[ \t\n\v\f\r]+$/, '');
    if (text === '' || (commentFlag !== '' && text.startsWith(commentFlag))) continue;
    if (text[0] === '*') {
      const value = /["']([^"']*)["']/.exec(text);
      if (!value) throw new GlmFormatError(`header line has no quoted value: ${text}`, line);
      const upper = text.toUpperCase();
      if (upper.includes('NAME')) settings.name = value[1];
      if (upper.includes('DESC')) settings.description = value[1];
      if (upper.includes('FORMAT')) settings.format = value[1];
      if (upper.includes('MAX_NRULES')) settings.maxRules = Number.parseInt(value[1], 10) || 0;
      if (upper.includes('COPY_NO_HIT')) set.copyNoHit = isTrue(value[1]);
      if (upper.includes('CASE_SENSITIVE')) set.caseSensitive = isTrue(value[1]);
      continue;
    }
    const uncommented = removeComment(text, commentFlag);
    if (uncommented.trim() === '') throw new GlmFormatError('blank rule', line);
    if (rules.length >= settings.maxRules)
      throw new GlmFormatError(
        `more than ${settings.maxRules} rules (raise it with * MAX_NRULES = '<n>')`,
        line,
      );
    rules.push({ line, ...parseRule(uncommented, line) });
  }
  if (settings.format !== 'NIST1')
    throw new GlmFormatError(`format "${settings.format}" is not supported (only NIST1)`);
  const id = `glm:${settings.name || 'unnamed'}#${fingerprint(set, rules)}`;
  return { name: settings.name, description: settings.description, ...set, rules, id };
}

/** csrfilt.sh keeps a line unless it lies in a section whose pattern names neither -i nor -t. */
function selectSections(
  lines: string[],
  { inputType = 'trn', purpose }: GlmParseOptions,
): { text: string; line: number }[] {
  let applies = true;
  const kept: { text: string; line: number }[] = [];
  lines.forEach((text, i) => {
    const section = SECTION.exec(text);
    if (section) {
      const names = sectionNames(section[1], i + 1);
      applies = names.some((name) => name.matches(inputType) || name.matches(purpose ?? ''));
    }
    if (applies) kept.push({ text, line: i + 1 });
  });
  return kept;
}

interface SectionName {
  matches(value: string): boolean;
}

/**
 * A section header's pattern, read as a list of names. csrfilt.sh matches it as a Perl regular
 * expression against the input type and the side; compiled from an uploaded file that would let
 * a customer crash the upload (an invalid pattern) or stall it (a catastrophic one). What GLM files
 * write there is a name or names separated by "|" ("ctm", "hyp|trn"), optionally anchored by ^
 * and $ and grouped once: read so, as literals, it selects what Perl selects (an unanchored name
 * matches where it occurs, an empty one everywhere). Anything else is refused at its line.
 */
function sectionNames(pattern: string, line: number): SectionName[] {
  let body = pattern.toLowerCase();
  let [start, end] = [false, false];
  const open = body.startsWith('^(') ? 2 : body.startsWith('(') ? 1 : 0;
  if (open > 0) {
    const close = body.endsWith(')$') ? 2 : body.endsWith(')') ? 1 : 0;
    if (close === 0 || body.length < open + close) throw unsupportedSection(pattern, line);
    [start, end] = [open === 2, close === 2];
    body = body.slice(open, body.length - close);
  }
  return body.split('|').map((alternative) => {
    let word = alternative;
    let [atStart, atEnd] = [start, end];
    if (word.startsWith('^')) [atStart, word] = [true, word.slice(1)];
    if (word.endsWith('$')) [atEnd, word] = [true, word.slice(0, -1)];
    for (const char of word) if (!/[a-z0-9_-]/.test(char)) throw unsupportedSection(pattern, line);
    return {
      matches: (value: string) =>
        atStart && atEnd
          ? value === word
          : atStart
            ? value.startsWith(word)
            : atEnd
              ? value.endsWith(word)
              : value.includes(word),
    };
  });
}

function unsupportedSection(pattern: string, line: number): GlmFormatError {
  const shown = pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern;
  return new GlmFormatError(
    `INPUT_DEPENDENT_APPLICATION "${shown}" is not supported: name the input types or sides it applies to (trn, ctm, stm, txt, rttm, ref, hyp), separated by "|", optionally anchored by ^ and $`,
    line,
  );
}

function isTrue(value: string): boolean {
  return ['T', 'YES', 'TRUE'].includes(value.toUpperCase());
}

function removeComment(text: string, flag: string): string {
  const at = flag === '' ? -1 : text.indexOf(flag);
  return at < 0 ? text : text.slice(0, at) + ' '.repeat(text.length - at);
}

/** grules2.c r_process_data_line, with its pointer arithmetic as string indices. */
function parseRule(text: string, line: number): Omit<GlmRule, 'line'> {
  const arrow = text.indexOf('=>');
  if (arrow < 0) throw new GlmFormatError(`no "=>" in rule: ${text.trim()}`, line);
  // The context marker is the last "/" unless "enclosed in []": rfilter1 compares the pointers
  // to the next "]" and the next "[" with NULL as the smallest, which this reproduces.
  let slash: number | null = text.lastIndexOf('/');
  let slot: number | null = null;
  if (slash < 0) slash = null;
  else {
    const close = text.indexOf(']', slash);
    const open = text.indexOf('[', slash);
    const enclosed = open >= 0 && (close < 0 || close < open);
    if (enclosed) slash = null;
    else slot = text.indexOf('_', slash) >= 0 ? text.indexOf('_', slash) : null;
  }
  const isSpace = (i: number) => C_SPACE.test(text[i] ?? '');
  const lastNonSpace = () => {
    let end = text.length - 1;
    while (end >= 0 && isSpace(end)) end--;
    return end;
  };
  // left-hand side: from the first non-space up to "=>"
  let start = 0;
  while (isSpace(start)) start++;
  let from = '';
  if (start < arrow) {
    let end = arrow - 1;
    while (end > start && isSpace(end)) end--;
    from = unbound(text, start, end);
  }
  const to = field(
    text,
    arrow,
    slash === null ? lastNonSpace() : backOverSpaces(text, slash - 1, arrow),
  );
  let left = '';
  let right = '';
  if (slash !== null && slot !== null) {
    left = field(text, slash, backOverSpaces(text, slot - 1, slash));
    right = field(text, slot, lastNonSpace());
  }
  return { from, to, left, right };
}

function backOverSpaces(text: string, end: number, floor: number): number {
  while (C_SPACE.test(text[end] ?? '') && end > floor) end--;
  return end;
}

/** Skips the marker ("=>", "/", "__") up to a space, then spaces, then strips [] or "" bounds. */
function field(text: string, start: number, end: number): string {
  while (!C_SPACE.test(text[start] ?? '') && start < end) start++;
  if (start >= end) return '';
  while (C_SPACE.test(text[start] ?? '')) start++;
  return unbound(text, start, end);
}

function unbound(text: string, start: number, end: number): string {
  if ((text[start] === '[' && text[end] === ']') || (text[start] === '"' && text[end] === '"')) {
    start++;
    end--;
  }
  return end >= start ? text.slice(start, end + 1) : '';
}

/** FNV-1a (32 bit) over the switches and rules: equal rule sets, equal ids. */
function fingerprint(
  set: { copyNoHit: boolean; caseSensitive: boolean },
  rules: GlmRule[],
): string {
  const canonical = JSON.stringify([
    set.copyNoHit,
    set.caseSensitive,
    rules.map((r) => [r.from, r.to, r.left, r.right]),
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
