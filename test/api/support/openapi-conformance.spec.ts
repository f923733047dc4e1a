import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { schemaViolations } from './openapi-conformance';
import type { OpenApiDocument } from './openapi-rules';

const document = {
  components: {
    schemas: {
      Run: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { type: 'string', enum: ['queued', 'running'] },
          finishedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          provenance: { type: 'object', additionalProperties: {} },
        },
        required: ['id', 'status'],
      },
    },
  },
} as unknown as OpenApiDocument;
const run = { $ref: '#/components/schemas/Run' };
const ID = '3f2c7a1e-8b4d-4c6a-9e21-5a7b9c0d1e2f';

describe('response conformance to a documented schema', () => {
  it('accepts a body that has the documented fields, types and values', () => {
    const body = {
      id: ID,
      status: 'queued',
      finishedAt: null,
      provenance: { seed: 1, extra: [1] },
    };
    assert.deepEqual(schemaViolations(document, run, body), []);
  });

  it('names fields sent but not documented, missing required ones, wrong types and values', () => {
    const body = { id: 'x', status: 'lost', finishedAt: 3, secret: 'sk' };
    assert.deepEqual(schemaViolations(document, { type: 'array', items: run }, [body]), [
      '$[0].id: x is not a UUID',
      '$[0].status: "lost" is not one of ["queued","running"]',
      '$[0].finishedAt: integer where the schema says string',
      '$[0].secret: sent but not documented',
    ]);
    assert.deepEqual(schemaViolations(document, run, { status: 'queued' }), [
      '$.id: required but missing',
    ]);
  });
});
