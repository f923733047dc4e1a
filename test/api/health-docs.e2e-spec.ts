import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { listRoutes, openApiPath } from './support/app-routes';

// Prometheus text exposition format 0.0.4: comments, then `name{label="value",...} number`.
const COMMENT = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/;
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/;

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  security?: unknown[];
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        requestBody?: { content: Record<string, { schema: { properties?: object } }> };
      }
    >
  >;
  components: { securitySchemes?: Record<string, { scheme?: string }> };
}

describe('health, metrics and docs', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('reports the process, database and queue up on /health without a key', async () => {
    const health = await t.http.get('/health').expect(200);
    assert.equal(health.body.status, 'ok');
    assert.equal(health.body.process.status, 'up');
    assert.equal(health.body.database.status, 'up');
    assert.equal(health.body.queue.status, 'up');
    assert.deepEqual(health.body.notifications, { failingChannels: [] });
  });

  it('serves Prometheus text on /metrics without a key, with request latency per route template', async () => {
    await t.http.get('/v1/models').set(bearer(TEST_ADMIN_KEY)).expect(200);
    const scrape = await t.http.get('/metrics').expect(200);
    assert.match(String(scrape.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const lines = scrape.text.split('\n').filter((line) => line !== '');
    for (const line of lines) assert.match(line, line.startsWith('#') ? COMMENT : SAMPLE);
    assert.ok(lines.includes('# TYPE lastmile_http_request_duration_seconds histogram'));
    const count = lines.find((line) =>
      line.startsWith(
        'lastmile_http_request_duration_seconds_count{method="GET",route="/v1/models",status="200"}',
      ),
    );
    assert.ok(count && Number(count.split(' ')[1]) >= 1, 'the /v1/models request is counted');
    assert.ok(lines.some((line) => line.startsWith('lastmile_process_')));
  });

  it('serves the Swagger UI on /docs without a key', async () => {
    const docs = await t.http.get('/docs').expect(200);
    assert.match(String(docs.headers['content-type']), /^text\/html/);
    assert.match(docs.text, /swagger-ui/);
  });

  it('serves a cacheable favicon without a key', async () => {
    const icon = await t.http.get('/favicon.ico').expect(200);
    assert.equal(icon.headers['content-type'], 'image/x-icon');
    assert.match(String(icon.headers['cache-control']), /max-age=\d+/);
    assert.deepEqual([...icon.body.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
  });

  it('documents every /v1 route the app serves in /docs-json, each behind the bearer scheme', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    assert.match(document.openapi, /^3\./);
    assert.equal(document.info.title, 'Lastmile API');
    assert.equal(document.components.securitySchemes?.bearer?.scheme, 'bearer');
    const served = listRoutes(t.app).filter((route) => route.path.startsWith('/v1/'));
    assert.ok(served.length >= 20, `found ${served.length} /v1 routes`);
    for (const route of served) {
      const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.path} is documented`);
      assert.deepEqual(
        operation.security ?? document.security,
        [{ bearer: [] }],
        `${route.method} ${route.path} needs a key`,
      );
    }
  });

  it('documents request bodies from the same schemas that validate them', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    const bodyOf = (path: string, method: string) =>
      document.paths[path][method].requestBody?.content['application/json'].schema.properties ?? {};
    assert.deepEqual(Object.keys(bodyOf('/v1/models', 'post')).sort(), [
      'adapter',
      'defaultParams',
      'modality',
      'name',
      'version',
    ]);
    assert.ok('cron' in bodyOf('/v1/plans', 'post'));
    assert.ok('cron' in bodyOf('/v1/plans/{id}', 'patch'));
    assert.ok('role' in bodyOf('/v1/keys', 'post'));
  });
});
