import { createHash } from 'node:crypto';

/**
 * Question-answer rows for a customer slice: "What is code word 42?" -> "word-42". Item ids are
 * zero-padded so their order is the upload order. `padding` adds filler to each question.
 */
export function qaJsonl(count: number, options: { padding?: number } = {}): Buffer {
  const filler = options.padding
    ? ` ${'lorem ipsum '.repeat(Math.ceil(options.padding / 12)).slice(0, options.padding)}`
    : '';
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const row = {
      id: `item-${String(n).padStart(6, '0')}`,
      input: `What is code word ${n}?${filler}`,
      references: [`word-${n}`],
      attributes: { bucket: `b${n % 4}` },
    };
    lines.push(JSON.stringify(row));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The item number a qa prompt asks about, or -1 for a prompt that is not one of ours. */
export function codeWordOf(prompt: string): number {
  const match = /code word (\d+)\?/.exec(prompt);
  return match ? Number(match[1]) : -1;
}

/** A model that is right about two code words in three: the answer depends on the prompt only. */
export function deterministicAnswer(prompt: string): string {
  const n = codeWordOf(prompt);
  return n % 3 === 2 ? `word-${n + 1}` : `word-${n}`;
}

/** A number in [0, 1) fixed by its inputs: fault scripts that do not depend on request order. */
export function uniformFrom(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) / 2 ** 32;
}
