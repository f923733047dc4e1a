import fc from 'fast-check';

/** One change to a valid request body; a list of them turns it into a (mostly) invalid one. */
export type Mutation =
  | { op: 'set'; path: string[]; value: unknown }
  | { op: 'delete'; path: string[] }
  | { op: 'add-unknown'; path: string[]; key: string; value: unknown }
  | { op: 'replace-body'; value: unknown };

/** Values that tend to break servers: wrong types, edge numbers, NUL and lone surrogates, size. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom<unknown>(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '💥',
    'x'.repeat(5000),
    '__proto__',
    '00000000-0000-0000-0000-000000000000',
    -1,
    0,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -1e308,
    1e308,
    null,
    true,
    [],
    {},
  ),
);

/**
 * Mutations of the named fields: each field's own plausible values (to get past the first check
 * and reach deeper code) mixed with hostile ones, plus deletions, unknown keys and whole bodies.
 */
export function bodyMutations(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Mutation[]> {
  const paths = Object.keys(fields);
  const path = fc.constantFrom(...paths).map((p) => p.split('.'));
  const set = fc
    .constantFrom(...paths)
    .chain((p) =>
      fc
        .oneof(fields[p], hostileValue)
        .map((value) => ({ op: 'set' as const, path: p.split('.'), value })),
    );
  const remove = path.map((p) => ({ op: 'delete' as const, path: p }));
  const unknown = fc
    .tuple(
      fc.constantFrom([], ...paths.map((p) => p.split('.'))),
      fc.string({ minLength: 1, maxLength: 8 }),
      hostileValue,
    )
    .map(([p, key, value]) => ({ op: 'add-unknown' as const, path: p, key, value }));
  const replace = fc
    .jsonValue({ maxDepth: 3 })
    .map((value) => ({ op: 'replace-body' as const, value }));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: set, weight: 6 },
    { arbitrary: remove, weight: 2 },
    { arbitrary: unknown, weight: 1 },
    { arbitrary: replace, weight: 1 },
  );
  return fc.array(mutation, { minLength: 0, maxLength: 3 });
}

/** A copy of `body` with the mutations applied in order (missing parents are created). */
export function applyMutations(body: object, mutations: readonly Mutation[]): unknown {
  let result: unknown = structuredClone(body);
  for (const mutation of mutations) {
    if (mutation.op === 'replace-body') {
      result = structuredClone(mutation.value);
      continue;
    }
    if (typeof result !== 'object' || result === null) result = {};
    const target = mutation.op === 'add-unknown' ? mutation.path : mutation.path.slice(0, -1);
    let parent = result as Record<string, unknown>;
    for (const key of target) {
      const next = parent[key];
      if (typeof next !== 'object' || next === null) parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    if (mutation.op === 'add-unknown') {
      // The key is new on purpose; a name the schema knows would just be another `set`.
      parent[`x-${mutation.key}`] = mutation.value;
    } else if (mutation.op === 'set') {
      parent[mutation.path[mutation.path.length - 1]] = mutation.value;
    } else {
      delete parent[mutation.path[mutation.path.length - 1]];
    }
  }
  return result;
}
