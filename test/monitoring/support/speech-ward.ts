import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { CLINICAL_PHRASES } from '@lastmile/scenarios';
import { createKey, createTenant, type TenantView } from '../../factories/api-resources';
import { bearer, startTestApp, type TestApp } from '../../support/test-app';

export const VOICES = ['en-us', 'en-029'];
export const PHRASES = CLINICAL_PHRASES.slice(0, 8);
export const POLICIES = {
  baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true },
  alertPolicy: { alpha: 0.05, minEffect: 0.05, severity: { warning: 0.05, critical: 0.2 } },
  // The same recording gets the same transcript: the recognizer runs once per distinct clip.
  cacheResponses: true,
};

export interface SpeechWard {
  t: TestApp;
  tenant: TenantView;
  customer: string;
  otherCustomer: string;
  /** A scratch directory, removed by close(). */
  work: string;
  /** Debian's pocketsphinx with the ward's phrase grammar, as a model body (command adapter). */
  model: Record<string, unknown>;
  /**
   * The same with `-time yes` read by the adapter's 'pocketsphinx-time' output: JSON with the
   * recognizer's confidence, for an asr scenario with `response: 'json'`.
   */
  confidenceModel: Record<string, unknown>;
  /** A slice upload by the tenant's customer (or `key`), with a purpose form field if given. */
  upload(name: string, archive: Buffer, purpose?: string, key?: string): Test;
  close(): Promise<void>;
}

/** The API and runner with command adapters allowed for pocketsphinx, a tenant and its keys. */
export async function startSpeechWard(): Promise<SpeechWard> {
  const t = await startTestApp({
    runner: true,
    env: {
      LASTMILE_ALLOW_COMMAND_ADAPTERS: 'true',
      LASTMILE_COMMAND_ALLOWLIST: 'pocketsphinx_continuous',
      LASTMILE_RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  const tenant = await createTenant(t);
  const customer = (await createKey(t, 'customer', tenant.slug)).key;
  const otherCustomer = (await createKey(t, 'customer', (await createTenant(t)).slug)).key;
  const work = mkdtempSync(join(tmpdir(), 'lastmile-speech-e2e-'));
  const grammar = join(work, 'ward.jsgf');
  writeFileSync(
    grammar,
    `#JSGF V1.0;\ngrammar ward;\npublic <utterance> = ${PHRASES.map((p) => `( ${p} )`).join(' | ')};\n`,
  );
  const argv = [
    'pocketsphinx_continuous',
    '-infile',
    '{audio}',
    '-jsgf',
    grammar,
    '-logfn',
    '/dev/null',
  ];
  const limits = { concurrency: 2, timeoutMs: 60_000, maxRetries: 0 };
  return {
    t,
    tenant,
    customer,
    otherCustomer,
    work,
    model: { modality: 'speech', adapter: { kind: 'command', argv, limits } },
    confidenceModel: {
      modality: 'speech',
      adapter: {
        kind: 'command',
        argv: [...argv, '-time', 'yes'],
        output: 'pocketsphinx-time',
        limits,
      },
    },
    upload(name, archive, purpose, key = customer) {
      const request = t.http
        .post(`/v1/tenants/${tenant.slug}/slices`)
        .set(bearer(key))
        .field('name', name);
      if (purpose !== undefined) request.field('purpose', purpose);
      return request.attach('file', archive, 'ward.tar.gz');
    },
    async close() {
      await t.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
