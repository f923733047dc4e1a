import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyGlm } from './glm-filter';
import { GlmFormatError, parseGlm } from './glm-rules';

const DEMO = `;; the first line only names the comment flag
* name "demo"
* desc "GLMRules.txt examples"
* copy_no_hit = 'T'
OKAY => {OK / OKAY} / [ ] __ [ ] ;; alternates, only as a whole word
CANCELLED => CANCELED ;; per AHD
VIDEOTAPE => VIDEO TAPE / [ ] __ [ ]
Falkner => Faulkner / [William ] __
`;

describe('parseGlm', () => {
  it('reads the header, strips comments and splits A => B / C __ D', () => {
    const set = parseGlm(DEMO);
    assert.deepEqual(
      [set.name, set.description, set.copyNoHit, set.caseSensitive],
      ['demo', 'GLMRules.txt examples', true, true],
    );
    assert.deepEqual(
      set.rules.map(({ from, to, left, right, line }) => [line, from, to, left, right]),
      [
        [5, 'OKAY', '{OK / OKAY}', ' ', ' '],
        [6, 'CANCELLED', 'CANCELED', '', ''],
        [7, 'VIDEOTAPE', 'VIDEO TAPE', ' ', ' '],
        [8, 'Falkner', 'Faulkner', 'William ', ''],
      ],
    );
    assert.match(set.id, /^glm:demo#[0-9a-f]{8}$/);
    assert.notEqual(parseGlm(DEMO.replace('CANCELED', 'CANCELD')).id, set.id);
  });

  it('keeps only the INPUT_DEPENDENT_APPLICATION sections that name trn or the side', () => {
    const glm = `;;\nA => B\n;; INPUT_DEPENDENT_APPLICATION = "ctm"\nC => D\n;; INPUT_DEPENDENT_APPLICATION = "hyp|trn"\nE => F\n;; INPUT_DEPENDENT_APPLICATION = "ref"\nG => H\n`;
    assert.deepEqual(
      parseGlm(glm).rules.map((r) => r.from),
      ['A', 'E'],
    );
    assert.deepEqual(
      parseGlm(glm, { purpose: 'ref' }).rules.map((r) => r.from),
      ['A', 'E', 'G'],
    );
    assert.deepEqual(
      parseGlm(glm, { inputType: 'ctm' }).rules.map((r) => r.from),
      ['A', 'C'],
    );
  });

  it('reads section patterns as names, anchored or grouped, selecting what Perl would select', () => {
    const only = (pattern: string, options = {}) =>
      parseGlm(`;;\nA => B\n;; INPUT_DEPENDENT_APPLICATION = "${pattern}"\nC => D\n`, options)
        .rules.map((r) => r.from)
        .join('');
    // [pattern, kept for trn, kept for ctm with -t hyp]; Perl's `$type =~ /$exp/` gives the same.
    const cases: [string, string, string][] = [
      ['trn', 'AC', 'A'],
      ['TRN', 'AC', 'A'],
      ['ctm|stm', 'A', 'AC'],
      ['^(ctm|trn)$', 'AC', 'AC'],
      ['(hyp)', 'A', 'AC'],
      ['^tr', 'AC', 'A'],
      ['tm$', 'A', 'AC'],
      ['^rn', 'A', 'A'],
      ['rn', 'AC', 'A'],
      ['', 'AC', 'AC'],
      ['^$', 'AC', 'A'],
      ['lvcsr', 'A', 'A'],
    ];
    for (const [pattern, trn, ctmHyp] of cases) {
      assert.equal(only(pattern), trn, `"${pattern}" for trn`);
      assert.equal(only(pattern, { inputType: 'ctm', purpose: 'hyp' }), ctmHyp, `"${pattern}"`);
    }
  });

  it('refuses a section pattern that is not a list of names, at its line, without compiling it', () => {
    for (const pattern of ['(', '(a+)+$', '.*', 'tr.', '[a-z]+', 'ctm|(trn', 'a{1,99999}', '\\d']) {
      const started = performance.now();
      assert.throws(
        () => parseGlm(`;;\nA => B\n;; INPUT_DEPENDENT_APPLICATION = "${pattern}"\nC => D\n`),
        (e: unknown) =>
          e instanceof GlmFormatError &&
          e.line === 3 &&
          /INPUT_DEPENDENT_APPLICATION .* is not supported/.test(e.message),
        pattern,
      );
      assert.ok(performance.now() - started < 50, pattern);
    }
  });

  it('refuses what rfilter1 refuses: no arrow, too many rules, a format other than NIST1', () => {
    assert.throws(() => parseGlm(';;\nOKAY OK\n'), /GLM line 2: no "=>"/);
    assert.throws(
      () => parseGlm(`;;\n* max_nrules = '1'\nA => B\nC => D\n`),
      (e: unknown) =>
        e instanceof GlmFormatError && e.line === 4 && /more than 1 rules/.test(e.message),
    );
    assert.throws(() => parseGlm(`;;\n* format = 'NIST2'\nA => B\n`), /format "NIST2"/);
    assert.throws(() => parseGlm(`;;\n* name = demo\n`), /no quoted value/);
    assert.throws(() => parseGlm(''), /empty/);
  });
});

// Expected outputs were produced by SCTK's csrfilt.sh 1.17 (Debian sctk 2.4.10) on the same
// rules and text: they pin rfilter1's quirks, not only its documented behaviour.
describe('applyGlm (csrfilt.sh -i trn)', () => {
  it('up-cases the text and rewrites whole words where the context matches', () => {
    const set = parseGlm(DEMO);
    assert.equal(applyGlm('it is okay  to be okayish', set), 'IT IS {OK / OKAY} TO BE OKAYISH');
    assert.equal(applyGlm('the videotape was cancelled', set), 'THE VIDEO TAPE WAS CANCELED');
    assert.equal(applyGlm('', set), '');
  });

  it('matches case-sensitively by default, so mixed-case rules miss up-cased text', () => {
    const sensitive = parseGlm(DEMO);
    assert.equal(applyGlm('william falkner', sensitive), 'WILLIAM FALKNER');
    const insensitive = parseGlm(DEMO.replace('* name', "* case_sensitive = 'F'\n* name"));
    assert.equal(applyGlm('william falkner cancelled', insensitive), 'WILLIAM Faulkner CANCELED');
  });

  it('treats the last "/" as the context marker even inside an unbracketed output', () => {
    // rfilter1 cuts "HE'S => [{HE IS / HE HAS}]" at its last slash: the output is "[{HE IS".
    const set = parseGlm(";;\nHE'S => [{HE IS / HE HAS}]\nA/B => [A OR B]\n[  ] => [ ]\n");
    assert.deepEqual(set.rules[0].to, '[{HE IS');
    assert.equal(applyGlm("he's here", set), '[{HE IS HERE');
    assert.equal(applyGlm('cancelled a/b  x', set), 'CANCELLED X');
  });
});
