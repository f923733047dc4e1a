/** A reference-list item (marker removed, nested lines included) or a run of prose lines. */
export interface TextBlock {
  kind: 'list_item' | 'prose';
  text: string;
}

// "[1] ", "1. ", "1) ", "(1) ", "- ", "* ", "• ", "+ ", "– "
const ITEM = /^(\s*)(?:\[\d{1,3}\]|\(?\d{1,3}[.)]|[-*•+–])\s+(.*)$/u;
const indentOf = (line: string): number => /^\s*/u.exec(line)?.[0].length ?? 0;

/**
 * Splits a response into list items and prose. A line more indented than the current item's
 * marker belongs to that item, so nested "- Authors: …" lines stay with their item; a blank line
 * or an unindented line ends it.
 */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let item: { indent: number; lines: string[] } | null = null;
  let prose: string[] = [];
  const flushItem = (): void => {
    if (item) blocks.push({ kind: 'list_item', text: item.lines.join('\n') });
    item = null;
  };
  const flushProse = (): void => {
    if (prose.length > 0) blocks.push({ kind: 'prose', text: prose.join('\n') });
    prose = [];
  };
  for (const line of text.split(/\r?\n/u)) {
    const marker = ITEM.exec(line);
    if (item && line.trim() !== '' && indentOf(line) > item.indent) {
      item.lines.push(line.trim());
    } else if (marker) {
      flushItem();
      flushProse();
      item = { indent: marker[1].length, lines: [marker[2]] };
    } else {
      flushItem();
      if (line.trim() === '') flushProse();
      else prose.push(line);
    }
  }
  flushItem();
  flushProse();
  return blocks;
}
