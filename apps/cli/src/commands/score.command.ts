import { readFile } from 'node:fs/promises';
import {
  type CharCorpusScore,
  type CorpusScore,
  type CostModel,
  type Transcript,
  TranscriptFormatError,
  TranscriptMismatchError,
  type TranscriptNormalization,
  characterErrorRate,
  pairTranscripts,
  parseTranscriptJsonl,
  parseTrn,
  wordErrorRate,
} from '@lastmile/metrics';
import { type Command, Option } from 'commander';

export type ScoreKind = 'wer' | 'cer';

export interface ScoreCommandOptions {
  ref: string;
  hyp: string;
  json?: boolean;
  costs?: CostModel;
  unicode?: 'NFC' | 'NFKC' | 'none';
  /** commander's --no-lowercase / --no-strip-punctuation */
  lowercase?: boolean;
  stripPunctuation?: boolean;
  countSpaces?: boolean;
}

/** Bad input files (unreadable, malformed, ids that do not match): exit code 2. */
export const INPUT_ERROR_EXIT_CODE = 2;

export class ScoreInputError extends Error {}

/** Reads both files, pairs them by utterance id and returns what the command prints. */
export async function runScore(kind: ScoreKind, options: ScoreCommandOptions): Promise<string> {
  const [references, hypotheses] = await Promise.all([
    readTranscripts(options.ref),
    readTranscripts(options.hyp),
  ]);
  const pairs = pairOrExplain(references, hypotheses, options);
  const normalization: TranscriptNormalization = {
    unicodeForm: options.unicode,
    lowercase: options.lowercase,
    stripPunctuation: options.stripPunctuation,
  };
  const score =
    kind === 'wer'
      ? wordErrorRate(pairs, { costs: options.costs, normalization })
      : characterErrorRate(pairs, {
          costs: options.costs,
          normalization,
          countSpaces: options.countSpaces,
        });
  return options.json
    ? `${JSON.stringify({ metric: kind, ...score })}\n`
    : formatSummary(kind, score);
}

/** `lastmile score wer|cer --ref REF --hyp HYP [--json]`; REF/HYP are trn files, or JSONL by extension. */
export function registerScoreCommand(program: Command): void {
  const score = program.command('score').description('score transcripts against references');
  for (const kind of ['wer', 'cer'] as const) {
    const command = score
      .command(kind)
      .description(
        `${kind === 'wer' ? 'word' : 'character'} error rate, counted as NIST sclite counts it`,
      )
      .requiredOption(
        '--ref <file>',
        'reference transcripts: trn ("words (id)" per line) or .jsonl ({"id","text"})',
      )
      .requiredOption(
        '--hyp <file>',
        'hypothesis transcripts, same formats, matched by utterance id',
      )
      .option('--json', 'print one JSON object with totals and a per-utterance list')
      .addOption(
        new Option('--costs <model>', 'alignment costs')
          .choices(['sclite', 'unit'])
          .default('sclite'),
      )
      .addOption(
        new Option('--unicode <form>', 'unicode normalization')
          .choices(['NFC', 'NFKC', 'none'])
          .default('NFC'),
      )
      .option('--no-lowercase', 'keep case (sclite -s)')
      .option('--no-strip-punctuation', 'keep punctuation characters');
    if (kind === 'cer')
      command.option(
        '--count-spaces',
        'count spaces between words as characters (jiwer); sclite -c does not',
      );
    command.action(async (options: ScoreCommandOptions, self: Command) => {
      try {
        self.configureOutput().writeOut!(await runScore(kind, options));
      } catch (error) {
        if (error instanceof ScoreInputError)
          self.error(`error: ${error.message}`, { exitCode: INPUT_ERROR_EXIT_CODE });
        throw error;
      }
    });
  }
}

async function readTranscripts(path: string): Promise<Transcript[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScoreInputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return path.toLowerCase().endsWith('.jsonl') ? parseTranscriptJsonl(text) : parseTrn(text);
  } catch (error) {
    if (error instanceof TranscriptFormatError)
      throw new ScoreInputError(`${path}: ${error.message}`);
    throw error;
  }
}

function pairOrExplain(
  references: Transcript[],
  hypotheses: Transcript[],
  options: ScoreCommandOptions,
) {
  try {
    return pairTranscripts(references, hypotheses);
  } catch (error) {
    if (error instanceof TranscriptMismatchError)
      throw new ScoreInputError(`${options.ref} vs ${options.hyp}: ${error.message}`);
    throw error;
  }
}

/** A summary shaped like sclite's "Sum" line, with raw counts and the rate. */
function formatSummary(kind: ScoreKind, score: CorpusScore | CharCorpusScore): string {
  const unit = kind === 'wer' ? '# Wrd' : '# Chr';
  const sentenceErrors = score.perUtterance.filter((u) => u.errors > 0).length;
  const rate = score.wer === null ? 'n/a' : `${(100 * score.wer).toFixed(2)}%`;
  const header = [
    '',
    '# Snt',
    unit,
    'Corr',
    'Sub',
    'Del',
    'Ins',
    'Err',
    'S.Err',
    kind.toUpperCase(),
  ];
  const row = [
    'Sum',
    score.utterances,
    score.refWords,
    score.hits,
    score.substitutions,
    score.deletions,
  ]
    .concat([score.insertions, score.errors, sentenceErrors, rate])
    .map(String);
  const widths = header.map((cell, i) => Math.max(cell.length, row[i].length));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padStart(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('+')}|`;
  const settings = `normalizer ${score.normalizer}, costs ${score.costs}`;
  const spaces =
    'countSpaces' in score ? `, spaces ${score.countSpaces ? 'counted' : 'not counted'}` : '';
  return [line(header), rule, line(row), `${settings}${spaces}`, ''].join('\n');
}
