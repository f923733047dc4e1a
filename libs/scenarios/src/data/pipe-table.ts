/**
 * Rows of a pipe-separated table kept in a template literal, so that built-in data stays one
 * line per item (prettier would spread array literals over many lines). Blank lines and lines
 * starting with # are skipped; every row must have `columns` cells.
 */
export function pipeTable(text: string, columns: number): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      if (cells.length !== columns) {
        throw new Error(`built-in data row needs ${columns} cells, got ${cells.length}: ${line}`);
      }
      return cells;
    });
}

/** Alternatives in one cell, separated by ";". */
export function alternatives(cell: string): string[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
