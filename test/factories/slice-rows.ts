import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Slice } from '@lastmile/persistence';

/** A slice row owned by `tenantId` (null = built in), for tests that only need one to exist. */
export function insertSlice(dataSource: DataSource, tenantId: string | null): Promise<Slice> {
  const hash = randomBytes(32).toString('hex');
  return dataSource.getRepository(Slice).save({
    tenantId,
    name: `slice-${hash.slice(0, 8)}`,
    version: 1,
    contentHash: hash,
    modality: 'text',
    itemCount: 1,
  });
}
