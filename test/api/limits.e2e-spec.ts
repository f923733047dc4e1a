import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { modelBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { rowCounts } from './support/database-probes';
import { assertProblem } from './support/problem-assertions';

describe('request size limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('answers a JSON body over 1 MB with 413 problem+json and writes nothing', async () => {
    const before = await rowCounts(t.dataSource);
    const body = modelBody({ defaultParams: { padding: 'x'.repeat(1024 * 1024) } });
    const response = await t.http.post('/v1/models').set(bearer(TEST_ADMIN_KEY)).send(body);
    assertProblem(response, 413);
    assert.deepEqual(await rowCounts(t.dataSource), before);
  });

  it('accepts a JSON body just under 1 MB', async () => {
    const body = modelBody({ defaultParams: { padding: 'x'.repeat(1000 * 1000) } });
    await t.http.post('/v1/models').set(bearer(TEST_ADMIN_KEY)).send(body).expect(201);
  });

  it('answers a body that is not JSON with 400 problem+json', async () => {
    const response = await t.http
      .post('/v1/models')
      .set(bearer(TEST_ADMIN_KEY))
      .set('Content-Type', 'application/json')
      .send('{"name": "broken",');
    assertProblem(response, 400);
  });
});

describe('rate limiting', () => {
  const LIMIT = 5;
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { LASTMILE_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });
  after(async () => t.close());

  it('answers 429 problem+json with Retry-After once a client exceeds LASTMILE_RATE_LIMIT_PER_MINUTE', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      await t.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY)).expect(200);
    }
    const limited = await t.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY));
    assertProblem(limited, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when to come back');
    // Unauthenticated clients are limited as well: the limit is checked before the key.
    assertProblem(await t.http.get('/v1/models'), 429);
  });
});
