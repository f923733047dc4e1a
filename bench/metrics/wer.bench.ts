import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type EditCounts,
  type TranscriptPair,
  characterErrorRate,
  formatTrn,
  generateTranscriptPairs,
  pairTranscripts,
  parseTrn,
  wordErrorRate,
} from '@lastmile/metrics';

// Benchmark, not a test: WER/CER throughput of libs/metrics against NIST sclite on the same files.
const SCLITE = '/usr/lib/sctk/bin/sclite';
const PAIRS = 10_000;
const REPEATS = 5;

interface Row {
  what: string;
  seconds: number;
  counts?: EditCounts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeIt(run: () => EditCounts): { seconds: number; counts: EditCounts } {
  run(); // warm-up: the JIT compiles the hot loops
  let counts = run();
  const seconds = median(
    Array.from({ length: REPEATS }, () => {
      const start = performance.now();
      counts = run();
      return (performance.now() - start) / 1000;
    }),
  );
  const { hits, substitutions, deletions, insertions } = counts;
  return { seconds, counts: { hits, substitutions, deletions, insertions } };
}

function runSclite(dir: string, extraArgs: string[]): Row & { ok: boolean } {
  const args = [
    '-r',
    join(dir, 'ref.trn'),
    'trn',
    '-h',
    join(dir, 'hyp.trn'),
    'trn',
    '-i',
    'spu_id',
    '-e',
    'utf-8',
  ];
  const start = performance.now();
  const run = spawnSync(SCLITE, [...args, '-o', 'rsum', '-O', dir, '-f', '0', ...extraArgs], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  // rsum "Sum" row: | Sum | #Snt #Wrd | Corr Sub Del Ins Err S.Err |
  const sum = /\|\s*Sum\s*\|\s*\d+\s+\d+\s*\|\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(
    run.status === 0 ? readFileSync(join(dir, 'hyp.trn.raw'), 'utf8') : '',
  );
  const counts = sum
    ? { hits: +sum[1], substitutions: +sum[2], deletions: +sum[3], insertions: +sum[4] }
    : undefined;
  return { what: `sclite ${extraArgs.join(' ')}`.trim(), seconds, counts, ok: run.status === 0 };
}

// The CLI command in a fresh Node process: the like-for-like comparison with a sclite process.
const SCORE_COMMAND = join(
  __dirname,
  '..',
  '..',
  'apps',
  'cli',
  'src',
  'commands',
  'score.command.js',
);

function runCliProcess(dir: string, kind: 'wer' | 'cer'): Row {
  const script = `require(${JSON.stringify(SCORE_COMMAND)})
    .runScore('${kind}', { ref: process.argv[1], hyp: process.argv[2], json: true })
    .then((out) => process.stdout.write(out))`;
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['-e', script, join(dir, 'ref.trn'), join(dir, 'hyp.trn')],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`lastmile score ${kind} failed: ${run.stderr}`);
  const { hits, substitutions, deletions, insertions } = JSON.parse(run.stdout) as EditCounts;
  return {
    what: `lastmile score ${kind}, new process`,
    seconds,
    counts: { hits, substitutions, deletions, insertions },
  };
}

function fromFiles(dir: string): TranscriptPair[] {
  const read = (name: string) => parseTrn(readFileSync(join(dir, name), 'utf8'));
  return pairTranscripts(read('ref.trn'), read('hyp.trn'));
}

function format(rows: Row[]): string {
  const header = ['', 'seconds', 'pairs/s', 'C', 'S', 'D', 'I'];
  const lines = rows.map((r) => {
    const c = r.counts;
    const counts = c
      ? [c.hits, c.substitutions, c.deletions, c.insertions].map(String)
      : ['-', '-', '-', '-'];
    return [
      r.what,
      r.seconds.toFixed(3),
      Math.round(PAIRS / r.seconds).toLocaleString('en-US'),
      ...counts,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])));
  return [header, ...lines].map((cells) => show(cells).join('  ')).join('\n');
}

function main(): void {
  const pairs = generateTranscriptPairs({
    seed: 20_240_611,
    count: PAIRS,
    minWords: 10,
    maxWords: 40,
    vocabularySize: 2_000,
    substitutePercent: 8,
    deletePercent: 4,
    insertPercent: 4,
    emptyPercent: 1,
  });
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-wer-bench-'));
  try {
    writeFileSync(
      join(dir, 'ref.trn'),
      formatTrn(pairs.map((p) => ({ id: p.id, text: p.reference }))),
    );
    writeFileSync(
      join(dir, 'hyp.trn'),
      formatTrn(pairs.map((p) => ({ id: p.id, text: p.hypothesis }))),
    );
    const words = pairs.reduce(
      (sum, p) => sum + (p.reference === '' ? 0 : p.reference.split(' ').length),
      0,
    );
    console.log(
      `WER benchmark: ${PAIRS} utterance pairs, ${words} reference words (median of ${REPEATS} runs)\n`,
    );
    const rows: Row[] = [
      { what: 'lastmile WER, in memory', ...timeIt(() => wordErrorRate(pairs)) },
      { what: 'lastmile WER, from trn files', ...timeIt(() => wordErrorRate(fromFiles(dir))) },
      { what: 'lastmile CER, from trn files', ...timeIt(() => characterErrorRate(fromFiles(dir))) },
    ];
    if (existsSync(SCORE_COMMAND)) rows.push(runCliProcess(dir, 'wer'), runCliProcess(dir, 'cer'));
    if (existsSync(SCLITE)) {
      for (const args of [[], ['-c']]) {
        const row = runSclite(dir, args);
        rows.push(row);
        const ours = rows[args.length === 0 ? 1 : 2].counts; // same files, same unit
        const agree = JSON.stringify(ours) === JSON.stringify(row.counts);
        if (!row.ok || !agree)
          console.error(`${row.what}: ${row.ok ? 'totals differ from lastmile' : 'failed'}`);
      }
    } else {
      console.log(
        `(sclite not installed at ${SCLITE}: install the Debian package sctk to compare)\n`,
      );
    }
    console.log(format(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
