import { In, IsNull, type EntityManager } from 'typeorm';
import { Slice } from '../entities/slice.entity';
import { SliceItem } from '../entities/slice-item.entity';
import type { StorableItem, StorableSlice } from '@lastmile/slices';
import { jsonOrNull } from './json-parameter';

export type { StorableSlice } from '@lastmile/slices';

const INSERT_BATCH = 1000;
/** Audio bytes travel hex-encoded in one parameter: batches stay well under a 1 GB string. */
const INSERT_BATCH_AUDIO_BYTES = 32 * 1024 * 1024;

// One statement over column arrays: TypeORM's insert builder spent ~0.2 ms of CPU per row escaping
// and binding eleven parameters each (0.2 s of a 1,000-item `lastmile run`).
const INSERT_ITEMS = `
  INSERT INTO slice_items (slice_id, item_key, ordinal, input, "references", label, choices, attributes, audio, audio_mime, audio_ms)
  SELECT $1::uuid, * FROM unnest($2::text[], $3::int[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[], $8::jsonb[], $9::bytea[], $10::text[], $11::int[])`;

type Numbered = { item: StorableItem; ordinal: number };

/** A slice item as a run reads it (audio bytes included). */
export interface StoredItemRow {
  item_key: string;
  ordinal: number;
  input: string | null;
  references: string[] | null;
  label: string | null;
  choices: string[] | null;
  attributes: Record<string, string>;
  audio: Buffer | null;
  audio_mime: string | null;
}

// Raw SQL: TypeORM's builder and entity hydration cost ~10 ms a page, and the first page is what
// a run's first model call waits for.
const PAGE_SQL = `
  SELECT item_key, ordinal, input, "references", label, choices, attributes, audio, audio_mime
    FROM slice_items WHERE slice_id = $1 AND ordinal > $2 ORDER BY ordinal LIMIT $3`;

/** Items (and reference words, for transcripts) per attribute value of one slice. */
export interface SliceGroupSize {
  attribute: string;
  group: string;
  items: number;
  words: number | null;
}

// Words of the first reference, split on whitespace as WER counts them (null: no reference).
const GROUP_SIZES_SQL = `
  WITH item AS (
    SELECT attributes,
           CASE WHEN "references" IS NULL OR jsonb_array_length("references") = 0 THEN NULL
                WHEN btrim("references"->>0) = '' THEN 0
                ELSE coalesce(array_length(regexp_split_to_array(btrim("references"->>0), '\\s+'), 1), 0)
           END AS words
      FROM slice_items WHERE slice_id = $1)
  SELECT NULL AS attribute, NULL AS "group", count(*)::int AS items, sum(words)::int AS words FROM item
  UNION ALL
  SELECT a.key, a.value, count(*)::int, sum(words)::int
    FROM item, jsonb_each_text(item.attributes) AS a GROUP BY a.key, a.value`;

/** The slices and slice_items tables: immutable, content-addressed versions of uploads and built-in data. */
export class SlicesStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Stores a slice version (call inside a transaction). The same content under the same name is
   * the same version (idempotent re-upload, created: false); new content becomes the next version
   * and the old one stays, with its results.
   */
  async store(
    tenantId: string | null,
    name: string,
    slice: StorableSlice,
  ): Promise<{ slice: Slice; created: boolean }> {
    const manager = this.db;
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
    for (const batch of insertBatches(slice.items)) {
      await manager.query(INSERT_ITEMS, itemColumns(saved.id, batch));
    }
    return { slice: saved, created: true };
  }

  /** Items after `afterOrdinal` in upload order (keyset paging). */
  /** Item and word counts overall (attribute null) and per attribute value, for sample-size advice. */
  async groupSizes(
    sliceId: string,
  ): Promise<{ overall: SliceGroupSize; groups: SliceGroupSize[] }> {
    const rows: SliceGroupSize[] = await this.db.query(GROUP_SIZES_SQL, [sliceId]);
    const overall = rows.find((r) => r.attribute === null) ?? {
      attribute: '',
      group: 'all',
      items: 0,
      words: null,
    };
    return { overall, groups: rows.filter((r) => r.attribute !== null) };
  }

  page(sliceId: string, afterOrdinal: number, size: number): Promise<StoredItemRow[]> {
    return this.db.query(PAGE_SQL, [sliceId, afterOrdinal, size]);
  }

  /** Slices by id, in the order asked (missing ones left out). */
  async byIds(ids: readonly string[]): Promise<Slice[]> {
    if (ids.length === 0) return [];
    const found = await this.db.getRepository(Slice).findBy({ id: In([...ids]) });
    const byId = new Map(found.map((slice) => [slice.id, slice]));
    return ids.map((id) => byId.get(id)).filter((slice): slice is Slice => slice !== undefined);
  }

  listForTenant(tenantId: string): Promise<Slice[]> {
    return this.db
      .getRepository(Slice)
      .find({ where: { tenantId }, order: { name: 'ASC', version: 'DESC' } });
  }

  findForTenant(id: string, tenantId: string): Promise<Slice | null> {
    return this.db.getRepository(Slice).findOneBy({ id, tenantId });
  }

  /**
   * Slices a plan of this owner may use: built-in ones and the owner tenant's — never one a bias
   * bounty program owns (its sealed pool, researchers' items), though those have no tenant either.
   */
  async usableBy(tenantId: string | null, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const slices = await this.db.getRepository(Slice).findBy({ id: In([...ids]) });
    return new Set(
      slices
        .filter((s) => s.programId === null && (s.tenantId === null || s.tenantId === tenantId))
        .map((s) => s.id),
    );
  }

  /** Items without audio bytes, a page at a time (the API). */
  itemsWithoutAudio(sliceId: string, afterOrdinal: number, limit: number): Promise<SliceItem[]> {
    return this.db
      .getRepository(SliceItem)
      .createQueryBuilder('item')
      .select([
        'item.itemKey',
        'item.ordinal',
        'item.input',
        'item.references',
        'item.label',
        'item.attributes',
        'item.audioMime',
        'item.audioMs',
      ])
      .where('item.slice_id = :id AND item.ordinal > :after', { id: sliceId, after: afterOrdinal })
      .orderBy('item.ordinal')
      .limit(limit)
      .getMany();
  }

  /** Input and references of these items (the run report). */
  itemTexts(
    keys: readonly { sliceId: string; itemKey: string }[],
  ): Promise<Pick<SliceItem, 'sliceId' | 'itemKey' | 'input' | 'references'>[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.getRepository(SliceItem).find({
      where: keys.map((key) => ({ sliceId: key.sliceId, itemKey: key.itemKey })),
      select: { sliceId: true, itemKey: true, input: true, references: true },
    });
  }
}

/**
 * Consecutive items, numbered in upload order, in batches of at most `maxItems` and, unless a single
 * item is larger, `maxAudioBytes` of audio.
 */
export function* insertBatches<T extends { audio?: { data: Buffer } | null }>(
  items: readonly T[],
  maxItems = INSERT_BATCH,
  maxAudioBytes = INSERT_BATCH_AUDIO_BYTES,
): Generator<{ item: T; ordinal: number }[]> {
  let batch: { item: T; ordinal: number }[] = [];
  let audioBytes = 0;
  for (const [ordinal, item] of items.entries()) {
    const size = item.audio?.data.length ?? 0;
    if (batch.length === maxItems || (batch.length && audioBytes + size > maxAudioBytes)) {
      yield batch;
      batch = [];
      audioBytes = 0;
    }
    batch.push({ item, ordinal });
    audioBytes += size;
  }
  if (batch.length) yield batch;
}

function itemColumns(sliceId: string, batch: Numbered[]): unknown[] {
  const column = (pick: (item: StorableItem, ordinal: number) => unknown) =>
    batch.map(({ item, ordinal }) => pick(item, ordinal));
  return [
    sliceId,
    column((item) => item.id),
    column((_, ordinal) => ordinal),
    column((item) => item.input ?? null),
    column((item) => jsonOrNull(item.references)),
    column((item) => item.label ?? null),
    column((item) => jsonOrNull(item.choices)),
    column((item) => JSON.stringify(item.attributes)),
    column((item) => item.audio?.data ?? null),
    column((item) => item.audio?.mimeType ?? null),
    column((item) =>
      item.audio?.durationMs === undefined ? null : Math.round(item.audio.durationMs),
    ),
  ];
}
