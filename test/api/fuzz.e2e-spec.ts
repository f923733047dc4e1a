import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import {
  createPlan,
  createPlanReferences,
  createTenant,
  registerModel,
} from '../factories/api-resources';
import { insertSlice } from '../factories/slice-rows';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { applyMutations, bodyMutations } from './support/body-mutations';
import { rowCounts, type RowCounts } from './support/database-probes';
import {
  createPlanFields,
  modelFields,
  patchPlanFields,
  scenarioFields,
} from './support/fuzz-fields';

// LASTMILE_FUZZ_RUNS raises the count for a longer hunt; the default keeps the file near a minute.
// A failure prints its seed: LASTMILE_FUZZ_SEED=<seed> replays it.
const NUM_RUNS = Number(process.env.LASTMILE_FUZZ_RUNS ?? 120);
const SEED = process.env.LASTMILE_FUZZ_SEED ? Number(process.env.LASTMILE_FUZZ_SEED) : undefined;

interface FuzzTarget {
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** A fresh valid body (unique names, so a valid one really is accepted). */
  base: () => object;
  send: (body: unknown) => Promise<Response>;
  /** Rows a success adds, per table. */
  onSuccess: Partial<RowCounts>;
  /** Extra state that a refused request must leave as it was. */
  snapshot?: () => Promise<unknown>;
}

describe('validation fuzz of request bodies', () => {
  let t: TestApp;
  let ids: { models: string[]; scenarios: string[]; slices: string[]; tenants: string[] };
  let planId: string;

  before(async () => {
    t = await startTestApp({ env: { LASTMILE_RATE_LIMIT_PER_MINUTE: '100000' } });
    const refs = await createPlanReferences(t);
    const tenant = await createTenant(t);
    const other = await registerModel(t);
    const slices = [
      await insertSlice(t.dataSource, null),
      await insertSlice(t.dataSource, tenant.id),
    ];
    ids = {
      models: [refs.modelId, other.id],
      scenarios: [refs.scenarioId],
      slices: slices.map((slice) => slice.id),
      tenants: [tenant.slug, tenant.id],
    };
    planId = (await createPlan(t, refs)).id;
  });
  after(async () => t.close());

  /** JSON as the client wrote it, whatever its type (supertest would form-encode a bare string). */
  const sendJson = (method: 'post' | 'patch', path: string) => (body: unknown) =>
    t.http[method](path)
      .set(bearer(TEST_ADMIN_KEY))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body) ?? 'null');

  async function fuzz(target: FuzzTarget): Promise<void> {
    const outcomes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(bodyMutations(target.fields), async (mutations) => {
        const body = applyMutations(target.base(), mutations);
        const [counts, state] = [await rowCounts(t.dataSource), await target.snapshot?.()];
        const response = await target.send(body);
        outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
        assert.ok(
          response.status < 500,
          `${response.status} for ${JSON.stringify(body)}: ${response.text}`,
        );
        const after = await rowCounts(t.dataSource);
        if (response.status >= 400) {
          assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
          // Bodies that are not JSON objects stop at the JSON parser, before any field exists.
          const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
          if (response.status === 400 && isObject) {
            assert.ok(response.body.errors?.length > 0, `400 names a field: ${response.text}`);
          }
          assert.deepEqual(after, counts, 'a refused request wrote nothing');
          assert.deepEqual(await target.snapshot?.(), state, 'a refused request changed nothing');
        } else {
          const expected = { ...counts };
          for (const [table, added] of Object.entries(target.onSuccess))
            expected[table as keyof RowCounts] += added;
          assert.deepEqual(after, expected, 'a success wrote its row and one audit entry');
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED, includeErrorInReport: true },
    );
    // Both sides must be exercised, or the property proves little.
    const successes = Object.entries(outcomes).filter(([status]) => Number(status) < 300);
    assert.ok(successes.length > 0, `no request succeeded: ${JSON.stringify(outcomes)}`);
    assert.ok(outcomes[400] > 0, `no request was refused: ${JSON.stringify(outcomes)}`);
  }

  it('POST /v1/models never fails with 5xx and a refused body writes nothing', async () => {
    await fuzz({
      fields: modelFields,
      base: () => modelBody(),
      send: sendJson('post', '/v1/models'),
      onSuccess: { models: 1, audit_log: 1 },
    });
  });

  it('POST /v1/scenarios never fails with 5xx and a refused body writes nothing', async () => {
    await fuzz({
      fields: scenarioFields,
      base: () => scenarioBody(),
      send: sendJson('post', '/v1/scenarios'),
      onSuccess: { scenarios: 1, audit_log: 1 },
    });
  });

  it('POST /v1/plans never fails with 5xx and a refused body writes nothing', async () => {
    await fuzz({
      fields: createPlanFields(ids),
      base: () => planBody(ids.models[0], ids.scenarios[0]),
      send: sendJson('post', '/v1/plans'),
      onSuccess: { plans: 1, audit_log: 1 },
    });
  });

  it('PATCH /v1/plans/:id never fails with 5xx and a refused body leaves the plan as it was', async () => {
    await fuzz({
      fields: patchPlanFields(ids),
      base: () => ({ name: 'patched' }),
      send: sendJson('patch', `/v1/plans/${planId}`),
      onSuccess: { audit_log: 1 },
      snapshot: async () =>
        (
          await t.dataSource.query('SELECT to_jsonb(p) AS row FROM plans p WHERE id = $1', [planId])
        )[0].row,
    });
  });
});
