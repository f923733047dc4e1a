import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createRng } from '../../stats/rng';
import type { TranscriptPair } from '../error-rate';
import { normalizerByName } from '../normalizers/normalizer-registry';
import { parseScliteSgml } from '../sclite-sgml';
import { formatTrn, parseTrn } from '../trn';
import { wordErrorRate } from '../wer';
import { applyGlm } from './glm-filter';
import { parseGlm } from './glm-rules';

// The reference tools: SCTK's csrfilt.sh applies the GLM to both sides, sclite aligns.
const BIN = '/usr/lib/sctk/bin';
const installed = existsSync(join(BIN, 'sclite')) && existsSync(join(BIN, 'csrfilt.sh'));
if (!installed && process.env.CI) {
  it('finds NIST csrfilt.sh and sclite in CI', () => assert.fail(`${BIN} lacks sctk`));
}
const skip = installed ? false : `SCTK not installed in ${BIN} (apt-get install sctk)`;

const GLM = `;; alternates a clinic might accept
* name "clinic-alternates"
* desc "spec"
* format = 'NIST1'
* max_nrules = '50'
* copy_no_hit = 'T'
* case_sensitive = 'F'
OKAY => {OK / OKAY} / [ ] __ [ ]
OK => {OK / OKAY} / [ ] __ [ ]
HEALTH CARE => {HEALTH CARE / HEALTHCARE} / [ ] __ [ ]
HEALTHCARE => {HEALTH CARE / HEALTHCARE} / [ ] __ [ ]
X RAY => {X RAY / XRAY} / [ ] __ [ ] ;; multi-word both ways
XRAY => {X RAY / XRAY} / [ ] __ [ ]
GONNA => {GONNA / GOING TO} / [ ] __ [ ]
GOING TO => {GONNA / GOING TO} / [ ] __ [ ]
UH => {UH / @} / [ ] __ [ ] ;; an optional filler
AND => {AND / N / @} / [ ] __ [ ]
`;

const VOCABULARY = [
  'okay',
  'ok',
  'health care',
  'healthcare',
  'x ray',
  'xray',
  'gonna',
  'going to',
];
const FILLERS = ['uh', 'and', 'the', 'patient', 'care', 'health', 'going', 'to', 'x', 'ray', 'n'];

/** Seeded pairs built from GLM words and their parts, with deletions, substitutions, insertions. */
function seededPairs(seed: number, count: number): TranscriptPair[] {
  const rng = createRng(seed);
  const pick = (words: string[]) => words[Math.floor(rng() * words.length)];
  const word = () => (rng() < 0.5 ? pick(VOCABULARY) : pick(FILLERS));
  return Array.from({ length: count }, (_, i) => {
    const reference = Array.from({ length: Math.floor(rng() * 9) }, word);
    const hypothesis = reference.flatMap((w) => {
      const r = rng();
      if (r < 0.15) return [];
      if (r < 0.3) return [word()];
      if (r < 0.4) return [w, word()];
      return [w];
    });
    return {
      id: `spk${i % 5}-utt${i}`,
      reference: reference.join(' '),
      hypothesis: hypothesis.join(' '),
    };
  });
}

function run(program: string, args: string[], input?: string): string {
  const result = spawnSync(join(BIN, program), args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` },
  });
  assert.equal(result.status, 0, `${program} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

describe('GLM alternates against csrfilt.sh + sclite', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-glm-'));
  const glmPath = join(dir, 'clinic.glm');
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(glmPath, GLM);
  const rules = parseGlm(GLM);
  const pairs = seededPairs(16, 400);
  const side = (key: 'reference' | 'hypothesis') =>
    formatTrn(pairs.map((p) => ({ id: p.id, text: p[key] })));
  const filtered = {
    ref: run('csrfilt.sh', ['-i', 'trn', glmPath], side('reference')),
    hyp: run('csrfilt.sh', ['-i', 'trn', glmPath], side('hypothesis')),
  };

  it('rewrites every reference and hypothesis exactly as csrfilt.sh -i trn does', () => {
    const theirs = [...parseTrn(filtered.ref), ...parseTrn(filtered.hyp)];
    const ours = [
      ...pairs.map((p) => ({ id: p.id, text: applyGlm(p.reference, rules) })),
      ...pairs.map((p) => ({ id: p.id, text: applyGlm(p.hypothesis, rules) })),
    ];
    assert.deepEqual(ours, theirs);
    assert.ok(theirs.filter((t) => t.text.includes('{')).length > 300, 'alternations were written');
  });

  it('counts C/S/D/I and aligns every utterance as sclite does on the filtered files', () => {
    writeFileSync(join(dir, 'ref.filt'), filtered.ref);
    writeFileSync(join(dir, 'hyp.filt'), filtered.hyp);
    const args = ['-r', join(dir, 'ref.filt'), 'trn', '-h', join(dir, 'hyp.filt'), 'trn'];
    run('sclite', [...args, '-i', 'spu_id', '-o', 'sgml', '-O', dir, '-f', '0']);
    const sclite = new Map(
      parseScliteSgml(readFileSync(join(dir, 'hyp.filt.sgml'), 'utf8')).map((u) => [u.id, u]),
    );
    const ours = wordErrorRate(pairs, {
      glm: rules,
      normalizer: normalizerByName('none'),
      includeOps: true,
    });
    const counts = (u: {
      hits: number;
      substitutions: number;
      deletions: number;
      insertions: number;
    }) => `C${u.hits} S${u.substitutions} D${u.deletions} I${u.insertions}`;
    for (const utterance of ours.perUtterance) {
      const theirs = sclite.get(utterance.id)!;
      assert.equal(counts(utterance), counts(theirs), `counts of ${utterance.id}`);
      assert.equal(utterance.ops!.map((s) => s.op).join(''), theirs.ops, `path of ${utterance.id}`);
    }
    const total = [...sclite.values()].reduce(
      (sum, u) => sum + u.hits + u.substitutions + u.deletions,
      0,
    );
    assert.equal(ours.refWords, total);
    // The alternates matter: plain sclite-cost WER on the same texts counts more errors.
    assert.ok(wordErrorRate(pairs, { normalizer: normalizerByName('none') }).errors > ours.errors);
  });
});
