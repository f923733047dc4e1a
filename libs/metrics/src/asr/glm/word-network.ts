/**
 * A transcript with sclite alternations (`it is {ok / okay}`, `{uh / @}`) as the word network
 * sclite aligns (usnistgov/SCTK src/sclite/net_adt.c Network_create_from_TEXT and
 * expand_alternates; text.c find_next_TEXT_token / find_next_TEXT_alternation). Arc 0 is the
 * null arc sclite puts at the head before aligning (net_dp.c add_null_network_heads). Arcs are
 * numbered in a topological order; `predecessors[arc]` lists the arcs entering its start node
 * in sclite's order (alternatives in the order written), which decides ties.
 */
export interface WordNetwork {
  /** Word on each arc; null for arc 0. "@" is the null alternative. */
  words: (string | null)[];
  predecessors: number[][];
  /** Arcs entering the final node. */
  finals: number[];
}

interface Builder {
  words: (string | null)[];
  from: number[];
  inArcs: number[][];
}

export function buildWordNetwork(text: string): WordNetwork {
  const b: Builder = { words: [null], from: [0], inArcs: [[], [0]] };
  const end = appendText(b, text, 1);
  return {
    words: b.words,
    predecessors: b.from.map((node, arc) => (arc === 0 ? [] : b.inArcs[node])),
    finals: b.inArcs[end],
  };
}

function newNode(b: Builder): number {
  b.inArcs.push([]);
  return b.inArcs.length - 1;
}

/** Appends the tokens of `text` after node `at`; returns the node they end at. */
function appendText(b: Builder, text: string, at: number): number {
  let node = at;
  for (const token of tokens(text)) {
    if (token.startsWith('{')) {
      const alternatives = alternativesOf(token);
      if (alternatives.length === 0) continue;
      const join = newNode(b);
      for (const alternative of alternatives) {
        // Each alternative ends at a node of its own, whose entering arcs move to the join
        // node in order, as Network_merge_network relinks them.
        const end = appendText(b, alternative, node);
        if (end === node) continue; // nothing but an unclosed brace
        for (const arc of b.inArcs[end]) b.inArcs[join].push(arc);
        b.inArcs[end] = [];
      }
      node = join;
    } else {
      const next = newNode(b);
      b.words.push(token);
      b.from.push(node);
      b.inArcs[next].push(b.words.length - 1);
      node = next;
    }
  }
  return node;
}

const C_SPACE = /[ \t\n\v\f\r]/;

/** Words, and alternations from "{" to the matching "}" (an unclosed one is dropped, as sclite). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && C_SPACE.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    if (text[i] === '{') {
      let depth = 0;
      do {
        if (text[i] === '{') depth++;
        if (text[i] === '}') depth--;
        i++;
      } while (i < text.length && depth > 0);
      if (depth === 0) out.push(text.slice(start, i));
    } else {
      while (i < text.length && !C_SPACE.test(text[i])) i++;
      out.push(text.slice(start, i));
    }
  }
  return out;
}

/** The alternatives between the outer braces, split at "/" outside inner braces. */
function alternativesOf(token: string): string[] {
  let inner = token.slice(1);
  const close = inner.lastIndexOf('}');
  if (close >= 0) inner = inner.slice(0, close);
  const out: string[] = [];
  let i = 0;
  while (i < inner.length) {
    while (i < inner.length && (C_SPACE.test(inner[i]) || inner[i] === '/')) i++;
    if (i >= inner.length) break;
    const start = i;
    let depth = 0;
    do {
      if (inner[i] === '{') depth++;
      if (inner[i] === '}') depth--;
      i++;
    } while (
      i < inner.length &&
      (inner[i] !== '/' || depth > 0) &&
      (inner[i] !== '}' || depth > 0)
    );
    out.push(inner.slice(start, i));
  }
  return out;
}
