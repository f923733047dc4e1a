import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { modelBody } from '../factories/api-bodies';
import { startRedisServer, type RedisServer } from '../support/processes/redis-server';
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

describe('rate limiting across API replicas (REDIS_URL)', () => {
  const LIMIT = 4;
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, LASTMILE_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
  });
  after(async () => {
    await a.close();
    await b.close();
    await redis.destroy();
  });

  it('counts one budget for a client in Redis, whichever replica answers, and lets requests through while Redis is away', async () => {
    // In process memory each replica would allow LIMIT requests: 2 × LIMIT in all.
    for (const replica of [a, b, a, b]) {
      await replica.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY)).expect(200);
    }
    const limited = await b.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY));
    assertProblem(limited, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when to come back');
    assertProblem(await a.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY)), 429);

    // A rate limit must not take the API down with it: without Redis the request is answered.
    await redis.stop();
    const started = Date.now();
    await a.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY)).expect(200);
    assert.ok(Date.now() - started < 5000, 'answered without waiting for Redis');
    // The logger is process-wide: both replicas' lines land in the last app's log.
    assert.ok([...a.logs, ...b.logs].some((line) => line.includes('rate limit not counted')));
  });
});
