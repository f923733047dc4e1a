import { createHash } from 'node:crypto';
import type { Database, Slice } from '@lastmile/persistence';
import {
  builtinItemsFor,
  type SampleSpec,
  type ScenarioItem,
  type ScenarioKind,
} from '@lastmile/scenarios';

/**
 * A kind's built-in data stored as a built-in slice (tenant null), so runs on built-in data and on
 * customer slices are stored, streamed and compared the same way. Same content, same slice: a
 * sample (the plan's, else the config's) is thereby part of the slice version and so of the
 * baseline version key.
 */
export async function ensureBuiltinSlice(
  database: Database,
  kind: ScenarioKind<unknown>,
  config: unknown,
  planSample: SampleSpec | null = null,
): Promise<Slice> {
  const items = builtinItemsFor(kind, config, planSample);
  if (items.length === 0)
    throw new Error(`scenario kind ${kind.kind} has no built-in data: the plan must name a slice`);
  // Stored like an upload (same version numbering and batched insert), under its own content hash.
  const { slice } = await database.transaction((stores) =>
    stores.slices.store(null, `builtin:${kind.kind}`, {
      modality: kind.modality === 'audio' ? 'audio' : 'text',
      contentHash: hashItems(items),
      attributes: attributeValues(items),
      items,
    }),
  );
  return slice;
}

function hashItems(items: ScenarioItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) {
    const attributes = Object.entries(item.attributes).sort(([a], [b]) => a.localeCompare(b));
    hash.update(
      JSON.stringify([item.id, item.input, item.references, item.label, item.choices, attributes]),
    );
    if (item.audio) hash.update(item.audio.data);
  }
  return hash.digest('hex');
}

function attributeValues(items: ScenarioItem[]): Record<string, string[]> {
  const values: Record<string, Set<string>> = {};
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes))
      (values[name] ??= new Set()).add(value);
  }
  return Object.fromEntries(Object.entries(values).map(([name, set]) => [name, [...set].sort()]));
}
