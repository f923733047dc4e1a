import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import { registerScoreCommand, runScore } from './score.command';

const dir = mkdtempSync(join(tmpdir(), 'lastmile-score-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ref = file(
  'ref.trn',
  'the cat sat on the mat (spk1-u1)\na b c (spk1-u2)\nx y (spk2-u3)\n(spk2-u4)\n',
);
const hyp = file(
  'hyp.trn',
  'x q y z (spk2-u3)\nthe cat sit on mat mat (spk1-u1)\n(spk1-u2)\nhello (spk2-u4)\n',
);

async function cli(args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  const program = new Command('lastmile')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerScoreCommand(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { out, err, exitCode: error.exitCode };
    throw error;
  }
}

describe('lastmile score', () => {
  // sclite 2.10 on the same two files: Sum 4 utterances, 11 words, C6 S2 D3 I3, Err 8, S.Err 4.
  it('prints the totals and every utterance as JSON, matched by id whatever the order', async () => {
    const { out, exitCode } = await cli(['score', 'wer', '--ref', ref, '--hyp', hyp, '--json']);
    assert.equal(exitCode, 0);
    const result = JSON.parse(out);
    assert.deepEqual(
      [
        result.utterances,
        result.refWords,
        result.hits,
        result.substitutions,
        result.deletions,
        result.insertions,
      ],
      [4, 11, 6, 2, 3, 3],
    );
    assert.equal(result.wer, 8 / 11);
    assert.equal(result.normalizer, 'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws');
    assert.deepEqual(
      result.perUtterance.map((u: { id: string; errors: number; refWords: number }) => [
        u.id,
        u.errors,
        u.refWords,
      ]),
      [
        ['spk1-u1', 2, 6],
        ['spk1-u2', 3, 3],
        ['spk2-u3', 2, 2],
        ['spk2-u4', 1, 0],
      ],
    );
  });

  it('prints a summary line like sclite without --json', async () => {
    const { out } = await cli(['score', 'wer', '--ref', ref, '--hyp', hyp]);
    assert.match(out, /\| Sum \| +4 \| +11 \| +6 \| +2 \| +3 \| +3 \| +8 \| +4 \| 72\.73% \|/);
    assert.match(out, /costs sclite/);
  });

  it('scores characters from JSONL files, without spaces unless asked', async () => {
    const refJsonl = file('ref.jsonl', '{"id":"a","text":"héllo wörld"}\n');
    const hypJsonl = file('hyp.jsonl', '{"id":"a","text":"hello world"}\n');
    const result = JSON.parse(await runScore('cer', { ref: refJsonl, hyp: hypJsonl, json: true }));
    assert.deepEqual(
      [
        result.metric,
        result.refChars,
        result.refWords,
        result.substitutions,
        result.cer,
        result.wer,
      ],
      ['cer', 10, 10, 2, 0.2, 0.2],
    );
    const { out } = await cli([
      'score',
      'cer',
      '--ref',
      refJsonl,
      '--hyp',
      hypJsonl,
      '--count-spaces',
      '--json',
    ]);
    assert.equal(JSON.parse(out).refChars, 11);
  });

  it('passes the normalization and cost options through', async () => {
    const r = file('case-ref.trn', 'The cat. (s-1)\n');
    const h = file('case-hyp.trn', 'cat the (s-1)\n');
    const loose = JSON.parse(
      (await cli(['score', 'wer', '--ref', r, '--hyp', h, '--json', '--costs', 'unit'])).out,
    );
    assert.deepEqual([loose.costs, loose.substitutions, loose.deletions], ['unit', 2, 0]);
    const strict = JSON.parse(
      (
        await cli([
          'score',
          'wer',
          '--ref',
          r,
          '--hyp',
          h,
          '--json',
          '--no-lowercase',
          '--no-strip-punctuation',
        ])
      ).out,
    );
    assert.deepEqual([strict.normalizer, strict.hits], ['lastmile-norm-v1:nfc,collapse-ws', 0]);
  });

  it('exits with code 2 naming the missing and extra utterance ids', async () => {
    const partial = file('partial.trn', 'the cat (spk1-u1)\nsurprise (spk9-u9)\n');
    const { out, err, exitCode } = await cli(['score', 'wer', '--ref', ref, '--hyp', partial]);
    assert.equal(exitCode, 2);
    assert.equal(out, '');
    assert.match(err, /3 utterance id\(s\) missing from the hypothesis: spk1-u2, spk2-u3, spk2-u4/);
    assert.match(err, /1 utterance id\(s\) in the hypothesis but not the reference: spk9-u9/);
  });

  it('exits with code 2 on an unreadable or malformed file', async () => {
    const broken = file('broken.trn', 'fine (a)\nno id\n');
    const malformed = await cli(['score', 'cer', '--ref', broken, '--hyp', hyp]);
    assert.equal(malformed.exitCode, 2);
    assert.match(malformed.err, /broken\.trn: line 2: expected "words \(utterance_id\)"/);
    const missing = await cli(['score', 'wer', '--ref', join(dir, 'nope.trn'), '--hyp', hyp]);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.err, /cannot read .*nope\.trn/);
  });
});
