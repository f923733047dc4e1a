// Hand-written: the adapters need only plain member/index paths, and a full JSONPath engine
// (filters, wildcards, script expressions) would widen what a stored spec can make us evaluate.

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const segmentPattern =
  /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

/**
 * Parses `$.choices[0].text`, `data.output`, `$['odd key'][2]` into segments.
 * Throws a TypeError describing the first unreadable character.
 */
export function parseJsonPath(path: string): PathSegment[] {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const segments: PathSegment[] = [];
  while (rest.length > 0) {
    const match = segmentPattern.exec(rest);
    if (!match) throw new TypeError(`cannot read JSON path "${path}" at "${rest}"`);
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4]).replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** Follows the segments into a parsed JSON value; undefined when any step is missing. */
export function selectJsonPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current))
        return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** True when parseJsonPath accepts the path (for schema refinements). */
export function isValidJsonPath(path: string): boolean {
  try {
    return parseJsonPath(path).length > 0;
  } catch {
    return false;
  }
}
