import { createHash } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { Slice, SliceItem } from '@lastmile/persistence';
import type { ScenarioItem, ScenarioKind } from '@lastmile/scenarios';

/**
 * A kind's built-in data stored as a built-in slice (tenant null), so runs on built-in data and on
 * customer slices are stored, streamed and compared the same way. Same content, same slice.
 */
export async function ensureBuiltinSlice(
  dataSource: DataSource,
  kind: ScenarioKind<unknown>,
  config: unknown,
): Promise<Slice> {
  const items = kind.builtinItems?.(config) ?? [];
  if (items.length === 0)
    throw new Error(`scenario kind ${kind.kind} has no built-in data: the plan must name a slice`);
  const contentHash = hashItems(items);
  const name = `builtin:${kind.kind}`;
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Slice);
    // Serialize concurrent first uses of the same built-in data.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    const existing = await repository.findOneBy({ tenantId: IsNull(), name, contentHash });
    if (existing) return existing;
    const latest: { max: number | null }[] = await manager.query(
      'SELECT max(version) AS max FROM slices WHERE tenant_id IS NULL AND name = $1',
      [name],
    );
    const slice = await repository.save({
      tenantId: null,
      name,
      version: (latest[0]?.max ?? 0) + 1,
      contentHash,
      modality: kind.modality === 'audio' ? 'audio' : 'text',
      itemCount: items.length,
      attributes: attributeValues(items),
    });
    await manager.getRepository(SliceItem).insert(
      items.map((item, ordinal) => ({
        sliceId: slice.id,
        itemKey: item.id,
        ordinal,
        input: item.input ?? null,
        references: item.references ?? null,
        label: item.label ?? null,
        choices: item.choices ?? null,
        attributes: item.attributes,
        audio: item.audio?.data ?? null,
        audioMime: item.audio?.mimeType ?? null,
      })),
    );
    return slice;
  });
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
