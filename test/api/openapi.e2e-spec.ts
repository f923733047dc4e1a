import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getScenarioKind } from '@lastmile/scenarios';
import { documentedExamples } from '../../apps/api/src/common/api-body.decorator';
import { createOpenApiDocument } from '../../apps/api/src/openapi/openapi-document';
import { EXAMPLES } from '../../apps/api/src/openapi/request-examples';
import { startTestApp, type TestApp } from '../support/test-app';
import { AUTHORIZATION_MATRIX } from './authorization-matrix';
import { openApiPath } from './support/app-routes';
import { openApiRuleViolations, operations, type OpenApiDocument } from './support/openapi-rules';
import { TYPED_CLIENT_SOURCE } from './support/typed-client';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const bin = (path: string) => join(ROOT, 'node_modules', path);

/** Runs a Node CLI of node_modules; its output whatever its exit code (lint exits 1 on errors). */
async function node(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  try {
    return await run(process.execPath, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    if (failed.stdout === undefined) throw error;
    return { stdout: failed.stdout, stderr: `${failed.stderr}\n${failed.message}` };
  }
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location: { pointer: string }[];
  }[];
}

// Health and metrics answer no 4xx at all (public, unthrottled, no parameters): documenting one
// would be false. Any other warning fails.
const JUSTIFIED_WARNINGS = [
  'operation-4xx-response #/paths/~1health/get/responses',
  'operation-4xx-response #/paths/~1metrics/get/responses',
];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let dir: string;
  let file: string;

  before(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    dir = await mkdtemp(join(tmpdir(), 'lastmile-openapi-'));
    file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 2));
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is OpenAPI 3.1 with a server, an opaque bearer key everywhere, and public health and metrics', () => {
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(document.servers, [{ url: '/', description: 'This server' }]);
    assert.deepEqual(document.security, [{ bearer: [] }]);
    const bearer = document.components.securitySchemes?.bearer;
    assert.equal(bearer?.scheme, 'bearer');
    assert.equal(bearer?.bearerFormat, 'opaque');
    assert.deepEqual(document.paths['/health'].get.security, []);
    assert.deepEqual(document.paths['/metrics'].get.security, []);
  });

  it('names LASTMILE_PUBLIC_URL as the server when one is set', () => {
    const deployed = createOpenApiDocument(t.app, 'https://lastmile.example.com/');
    assert.deepEqual(JSON.parse(JSON.stringify(deployed.servers)), [
      { url: 'https://lastmile.example.com', description: 'This deployment' },
    ]);
  });

  it('documents every operation: summary, described tag, responses, problem+json errors', () => {
    assert.deepEqual(openApiRuleViolations(document), []);
  });

  it('documents every status the authorization matrix expects of each route', () => {
    const missing: string[] = [];
    for (const [route, row] of Object.entries(AUTHORIZATION_MATRIX)) {
      const [method, path] = route.split(' ');
      const operation = document.paths[openApiPath(path)]?.[method.toLowerCase()];
      if (!operation) continue; // the docs' own routes and the favicon are not operations
      for (const status of new Set(Object.values(row)))
        if (!(status in operation.responses)) missing.push(`${route} ${status}`);
    }
    assert.deepEqual(missing, []);
  });

  it('gives every operation a unique operationId', () => {
    const ids = [...operations(document)].map(({ operation }) => operation.operationId);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('holds only examples that pass the schema validating the request', () => {
    assert.ok(documentedExamples.length >= 10, `${documentedExamples.length} examples`);
    for (const example of documentedExamples) {
      const parsed = example.schema.safeParse(example.value);
      assert.ok(parsed.success, `${example.name}: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });

  it("holds scenario examples whose config their kind's own schema accepts", () => {
    for (const [name, { value }] of Object.entries(EXAMPLES.createScenario)) {
      const parsed = getScenarioKind(value.kind).configSchema.safeParse(value.config);
      assert.ok(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });

  it('passes redocly lint (recommended rules) with no error', async () => {
    const cli = bin('@redocly/cli/bin/cli.js');
    const lint = ['lint', '--extends=recommended', '--format=json', file];
    const { stdout, stderr } = await node([cli, ...lint], dir);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
    const found = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
    assert.equal(report.totals.errors, 0, `${found.join('\n')}\n${stderr}`);
    assert.deepEqual(found.sort(), JUSTIFIED_WARNINGS);
  });

  it('generates a client with openapi-typescript that compiles with tsc --strict', async () => {
    const types = join(dir, 'lastmile-api.d.ts');
    const generated = await node([bin('openapi-typescript/bin/cli.js'), file, '-o', types], dir);
    assert.doesNotMatch(generated.stderr, /error/i, generated.stderr);
    await writeFile(join(dir, 'client.ts'), TYPED_CLIENT_SOURCE);
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      noUnusedLocals: false,
    };
    const project = { compilerOptions, files: ['lastmile-api.d.ts', 'client.ts'] };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(project));
    const tsc = await node([bin('typescript/bin/tsc'), '-p', dir], dir);
    assert.equal(`${tsc.stdout}`.trim(), '', tsc.stdout);
  });
});
