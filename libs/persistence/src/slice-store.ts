import { IsNull, type EntityManager } from 'typeorm';
import { Slice } from './entities/slice.entity';
import { SliceItem } from './entities/slice-item.entity';

/** A validated slice as @lastmile/slices produces it (kept structural: persistence has no parser). */
export interface StorableSlice {
  modality: 'text' | 'audio';
  contentHash: string;
  attributes: Record<string, string[]>;
  items: {
    id: string;
    input?: string;
    references?: string[];
    label?: string;
    choices?: string[];
    attributes: Record<string, string>;
    audio?: { data: Buffer; mimeType: string; durationMs: number };
  }[];
}

const INSERT_BATCH = 500;

/**
 * Stores a slice version in the caller's transaction. The same content under the same name is the
 * same version (idempotent re-upload, created: false); new content becomes the next version and
 * the old one stays, with its results.
 */
export async function storeSlice(
  manager: EntityManager,
  tenantId: string | null,
  name: string,
  slice: StorableSlice,
): Promise<{ slice: Slice; created: boolean }> {
  // One writer per (tenant, name) at a time, so versions are numbered without gaps or clashes.
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `slice:${tenantId ?? 'builtin'}:${name}`,
  ]);
  const repository = manager.getRepository(Slice);
  const tenant = tenantId ?? IsNull();
  const existing = await repository.findOneBy({
    tenantId: tenant,
    name,
    contentHash: slice.contentHash,
  });
  if (existing) return { slice: existing, created: false };
  const latest = await repository.findOne({
    where: { tenantId: tenant, name },
    order: { version: 'DESC' },
  });
  const saved = await repository.save({
    tenantId,
    name,
    version: (latest?.version ?? 0) + 1,
    contentHash: slice.contentHash,
    modality: slice.modality,
    itemCount: slice.items.length,
    attributes: slice.attributes,
  });
  for (let start = 0; start < slice.items.length; start += INSERT_BATCH) {
    const rows = slice.items.slice(start, start + INSERT_BATCH).map((item, offset) => ({
      sliceId: saved.id,
      itemKey: item.id,
      ordinal: start + offset,
      input: item.input ?? null,
      references: item.references ?? null,
      label: item.label ?? null,
      choices: item.choices ?? null,
      attributes: item.attributes,
      audio: item.audio?.data ?? null,
      audioMime: item.audio?.mimeType ?? null,
      audioMs: item.audio ? Math.round(item.audio.durationMs) : null,
    }));
    await manager.getRepository(SliceItem).insert(rows);
  }
  return { slice: saved, created: true };
}
