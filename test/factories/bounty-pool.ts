import { bearer, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { expectStatus } from './api-resources';

/**
 * A QA pool with two attributes, 20 items per cell: a fixture model that answers "yes" gets every
 * item right except those whose question mentions ward B (accent en-029 with noise), where it
 * answers "no" — a real, planted underperforming subset.
 */
export const POOL_CELLS = [
  ['en-us', 'none'],
  ['en-us', 'hum'],
  ['en-gb', 'none'],
  ['en-gb', 'hum'],
  ['en-029', 'none'],
  ['en-029', 'hum'],
] as const;
export const PLANTED_PREDICATE = 'accent = "en-029" AND noise != "none"';

export function poolRows(): Buffer {
  const rows = POOL_CELLS.flatMap(([accent, noise]) =>
    Array.from({ length: 20 }, (_, i) => ({
      id: `${accent}-${noise}-${i}`,
      input: `Is item ${i} of ${accent}/${noise} fine?${accent === 'en-029' && noise !== 'none' ? ' (ward B)' : ''}`,
      references: ['yes'],
      attributes: { accent, noise },
    })),
  );
  return Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

/** The fixture's answer: wrong on ward B, right elsewhere. */
export const poolAnswer = (prompt: string) => (prompt.includes('(ward B)') ? 'no' : 'yes');

/** Uploads the pool's source slice to a tenant (as the admin) and answers its id. */
export async function uploadPoolSource(t: Pick<TestApp, 'http'>, tenant: string): Promise<string> {
  const request = t.http
    .post(`/v1/tenants/${tenant}/slices`)
    .set(bearer(TEST_ADMIN_KEY))
    .field('name', `bounty-source-${Math.random().toString(36).slice(2, 8)}`)
    .attach('file', poolRows(), 'pool.jsonl');
  return (await expectStatus<{ id: string }>(request, 201)).id;
}

export function bountyBody(
  refs: { modelId: string; scenarioId: string; sliceId: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    name: `bounty-${Math.random().toString(36).slice(2, 8)}`,
    ...refs,
    metric: 'exact_match',
    minEffect: 0.05,
    alpha: 0.05,
    budget: 20,
    dailyLimit: 3,
    publicSampleSize: 10,
    minSubsetItems: 10,
    ...overrides,
  };
}
