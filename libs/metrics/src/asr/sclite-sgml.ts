import type { EditOp } from './align';
import type { EditCounts } from './edit-costs';

export interface ScliteUtterance extends EditCounts {
  id: string;
  /** sclite's alignment path, e.g. "CCSDI". */
  ops: string;
}

const PATH_ELEMENT = /<PATH id="\(?([^"]*?)\)?"[^>]*>([\s\S]*?)<\/PATH>/g;
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;
const STEP = new RegExp(String.raw`(?:^|:)([CSDI]),(?:${QUOTED})?,(?:${QUOTED})?`, 'g');

/**
 * Reads the per-utterance alignments of `sclite -o sgml` output (the reference tool we compare
 * with). Ids are returned without sclite's parentheses.
 */
export function parseScliteSgml(sgml: string): ScliteUtterance[] {
  const utterances: ScliteUtterance[] = [];
  for (const [, id, body] of sgml.matchAll(PATH_ELEMENT)) {
    const ops = [...body.trim().matchAll(STEP)].map((step) => step[1] as EditOp);
    const count = (op: EditOp) => ops.filter((o) => o === op).length;
    utterances.push({
      id,
      ops: ops.join(''),
      hits: count('C'),
      substitutions: count('S'),
      deletions: count('D'),
      insertions: count('I'),
    });
  }
  return utterances;
}
