import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { resultsDir } from './paths';

export type Cell = string | number | null | undefined;

/** A plain-text table, numbers right-aligned, for a terminal or a report. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '—' : String(cell))),
  );
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...text.map((row) => row[i]?.length ?? 0)),
  );
  const numeric = headers.map((_, i) =>
    rows.every((row) => typeof row[i] === 'number' || row[i] == null),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** Writes bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResults(name: string, data: unknown): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(resultsDir(), `${name}-${stamp}.json`);
  writeFileSync(
    path,
    JSON.stringify(
      { bench: name, at: new Date().toISOString(), machine: machineInfo(), ...(data as object) },
      null,
      2,
    ),
  );
  return path;
}

function machineInfo() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
