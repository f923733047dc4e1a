import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { characterErrorRate } from './cer';
import type { CorpusScore, TranscriptPair } from './error-rate';
import { type ScliteUtterance, parseScliteSgml } from './sclite-sgml';
import { generateTranscriptPairs } from './synthetic-transcripts';
import { formatTrn } from './trn';
import { wordErrorRate } from './wer';

// The reference tool: our counts must equal sclite's, utterance by utterance.
const SCLITE = '/usr/lib/sctk/bin/sclite';
const installed = existsSync(SCLITE);
if (!installed && process.env.CI) {
  it('finds NIST sclite in CI', () =>
    assert.fail(`${SCLITE} is missing: install the Debian package sctk`));
}
const skip = installed ? false : `NIST sclite not installed at ${SCLITE} (apt-get install sctk)`;

function runSclite(pairs: readonly TranscriptPair[], extraArgs: string[] = []): ScliteUtterance[] {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-sclite-'));
  try {
    writeFileSync(
      join(dir, 'ref.trn'),
      formatTrn(pairs.map((p) => ({ id: p.id, text: p.reference }))),
    );
    writeFileSync(
      join(dir, 'hyp.trn'),
      formatTrn(pairs.map((p) => ({ id: p.id, text: p.hypothesis }))),
    );
    const args = [
      '-r',
      join(dir, 'ref.trn'),
      'trn',
      '-h',
      join(dir, 'hyp.trn'),
      'trn',
      '-i',
      'spu_id',
    ];
    const run = spawnSync(
      SCLITE,
      [...args, '-e', 'utf-8', '-o', 'sgml', '-O', dir, '-f', '0', ...extraArgs],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, `sclite failed: ${run.stderr}${run.stdout}`);
    return parseScliteSgml(readFileSync(join(dir, 'hyp.trn.sgml'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertSameAsSclite(ours: CorpusScore, sclite: ScliteUtterance[]): void {
  const theirs = new Map(sclite.map((u) => [u.id, u]));
  assert.equal(theirs.size, ours.utterances);
  const counts = (u: {
    hits: number;
    substitutions: number;
    deletions: number;
    insertions: number;
  }) => `C${u.hits} S${u.substitutions} D${u.deletions} I${u.insertions}`;
  for (const utterance of ours.perUtterance) {
    const reference = theirs.get(utterance.id);
    assert.ok(reference, `sclite has no utterance ${utterance.id}`);
    assert.equal(counts(utterance), counts(reference), `counts of ${utterance.id}`);
    assert.equal(
      utterance.ops?.map((s) => s.op).join(''),
      reference.ops,
      `alignment of ${utterance.id}`,
    );
  }
  const total = (key: 'hits' | 'substitutions' | 'deletions' | 'insertions') =>
    sclite.reduce((s, u) => s + u[key], 0);
  assert.deepEqual(
    [ours.hits, ours.substitutions, ours.deletions, ours.insertions],
    [total('hits'), total('substitutions'), total('deletions'), total('insertions')],
  );
}

const lightEdits = { substitutePercent: 10, deletePercent: 8, insertPercent: 8 };
const heavyEdits = { substitutePercent: 35, deletePercent: 30, insertPercent: 30 };

describe('agreement with NIST sclite', { skip }, () => {
  it('gives the same C/S/D/I and alignment as sclite for every utterance of a seeded word corpus', () => {
    const pairs = [
      ...generateTranscriptPairs({
        seed: 7,
        count: 200,
        vocabularySize: 25,
        emptyPercent: 3,
        unicode: true,
        ...lightEdits,
      }),
      ...generateTranscriptPairs({
        seed: 8,
        count: 200,
        vocabularySize: 8,
        minWords: 1,
        maxWords: 20,
        ...heavyEdits,
      }),
    ].map((p, i) => ({ ...p, id: `${p.id}-${i}` }));
    assertSameAsSclite(wordErrorRate(pairs, { includeOps: true }), runSclite(pairs));
  });

  it('gives the same character counts as sclite -c, which ignores the spaces between words', () => {
    const pairs = generateTranscriptPairs({
      seed: 11,
      count: 300,
      minWords: 0,
      maxWords: 8,
      vocabularySize: 15,
      unicode: true,
      ...heavyEdits,
    });
    assertSameAsSclite(characterErrorRate(pairs, { includeOps: true }), runSclite(pairs, ['-c']));
  });

  it('differs from sclite under unit costs, so the comparison can tell cost models apart', () => {
    const pairs = generateTranscriptPairs({
      seed: 8,
      count: 200,
      vocabularySize: 8,
      minWords: 1,
      maxWords: 20,
      ...heavyEdits,
    });
    const sclite = new Map(runSclite(pairs).map((u) => [u.id, u.ops]));
    const unit = wordErrorRate(pairs, { costs: 'unit', includeOps: true });
    const differing = unit.perUtterance.filter(
      (u) => u.ops?.map((s) => s.op).join('') !== sclite.get(u.id),
    );
    assert.ok(differing.length > 0);
  });
});
