import { PredicateError } from './predicate-error';

interface At {
  /** 0-based offset in the source the predicate was parsed from. */
  position: number;
}

/**
 * A subset of items by their attributes. `a = v` is `a IN (v)` and `a != v` is its negation, so
 * an item without the attribute matches `a != v` and `a NOT IN (…)`, never `a = v` or `a IN (…)`.
 */
export type Predicate =
  | { kind: 'and' | 'or'; terms: Predicate[] }
  | { kind: 'not'; term: Predicate }
  | ({ kind: 'in'; attribute: string; values: (At & { text: string })[]; negated: boolean } & At);

export function matchesPredicate(
  predicate: Predicate,
  attributes: Readonly<Record<string, string>>,
): boolean {
  switch (predicate.kind) {
    case 'and':
      return predicate.terms.every((term) => matchesPredicate(term, attributes));
    case 'or':
      return predicate.terms.some((term) => matchesPredicate(term, attributes));
    case 'not':
      return !matchesPredicate(predicate.term, attributes);
    case 'in': {
      const value = attributes[predicate.attribute];
      const found = value !== undefined && predicate.values.some((v) => v.text === value);
      return found !== predicate.negated;
    }
  }
}

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const name = (text: string) =>
  /^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(text) && !/^(and|or|not|in)$/i.test(text) ? text : quote(text);

/**
 * One spelling per meaning up to order: values quoted, sorted and deduplicated, AND/OR terms
 * flattened and sorted, keywords upper-case. Two submissions of the same subset written
 * differently compare equal; the leaderboard and watched subgroups show this form.
 */
export function canonicalPredicate(predicate: Predicate): string {
  return canonical(predicate, null);
}

function canonical(predicate: Predicate, parent: 'and' | 'or' | 'not' | null): string {
  switch (predicate.kind) {
    case 'in': {
      const values = [...new Set(predicate.values.map((v) => v.text))].sort();
      const attribute = name(predicate.attribute);
      if (values.length === 1)
        return `${attribute} ${predicate.negated ? '!=' : '='} ${quote(values[0])}`;
      return `${attribute} ${predicate.negated ? 'NOT IN' : 'IN'} (${values.map(quote).join(', ')})`;
    }
    case 'not':
      return `NOT ${canonical(predicate.term, 'not')}`;
    default: {
      const flat = predicate.terms.flatMap((term) =>
        term.kind === predicate.kind ? (term as { terms: Predicate[] }).terms : [term],
      );
      const terms = [...new Set(flat.map((term) => canonical(term, predicate.kind)))].sort();
      const text = terms.join(` ${predicate.kind.toUpperCase()} `);
      return terms.length > 1 && parent !== null ? `(${text})` : text;
    }
  }
}

/** Every condition of the predicate, in source order. */
export function conditionsOf(predicate: Predicate): Extract<Predicate, { kind: 'in' }>[] {
  switch (predicate.kind) {
    case 'in':
      return [predicate];
    case 'not':
      return conditionsOf(predicate.term);
    default:
      return predicate.terms.flatMap(conditionsOf);
  }
}

/**
 * Refuses attributes and values the pool does not have (a typo would silently select nothing),
 * naming the position of the first.
 */
export function checkVocabulary(
  predicate: Predicate,
  vocabulary: Readonly<Record<string, readonly string[]>>,
): void {
  for (const condition of conditionsOf(predicate)) {
    const known = vocabulary[condition.attribute];
    if (!known) {
      const names = Object.keys(vocabulary).sort().join(', ');
      throw new PredicateError(
        condition.position,
        `the pool has no attribute ${JSON.stringify(condition.attribute)} (it has: ${names || 'none'})`,
      );
    }
    const unknown = condition.values.find((v) => !known.includes(v.text));
    if (unknown)
      throw new PredicateError(
        unknown.position,
        `attribute ${condition.attribute} never takes the value ${JSON.stringify(unknown.text)}`,
      );
  }
}
