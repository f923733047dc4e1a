import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proportionMde } from '@lastmile/metrics';
import { audioZip, jsonl, makeWav } from '@lastmile/slices/testing';
import { tenantBody } from '../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

/** Sample-size advice where customers act: the upload response and GET of a slice version. */
describe('slice sample-size advice', () => {
  let t: TestApp;
  let tenant: string;
  let customer: { Authorization: string };
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    t = await startTestApp();
    tenant = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201)).body.slug;
    customer = bearer(
      (await t.http.post('/v1/keys').set(admin).send({ role: 'customer', tenant }).expect(201)).body
        .key,
    );
  });
  after(async () => t.close());

  const upload = (name: string, filename: string, data: Buffer) =>
    t.http
      .post(`/v1/tenants/${tenant}/slices`)
      .set(customer)
      .field('name', name)
      .attach('file', data, filename)
      .expect(201);

  // 30 items: 20 of group a, 10 of group b; every item its own id attribute (groups nothing).
  const rows = Array.from({ length: 30 }, (_, i) => ({
    id: `q${i}`,
    input: `question ${i}`,
    references: ['yes'],
    attributes: { group: i < 20 ? 'a' : 'b', ticket: `t${i}`, source: 'forms' },
  }));

  it('answers an upload with, per group, n, the change it can detect and the items parity needs', async () => {
    const { body } = await upload('claims', 'claims.jsonl', jsonl(rows));
    const advice = body.sampleSize;
    assert.deepEqual(
      advice.attributes.map((a: { attribute: string }) => a.attribute),
      ['group'],
      'ticket has a value per item, source one value: neither is a breakdown',
    );
    const [a, b] = advice.attributes[0].groups;
    assert.deepEqual([a.group, a.items, b.group, b.items], ['a', 20, 'b', 10]);
    assert.equal(a.rateChangeMde, proportionMde({ rate: 0.05, nCurrent: 20, nBaseline: 20 }));
    assert.equal(a.werChangeMde, null, 'a text slice has no WER');
    assert.equal(a.itemsForTolerance, 8136, '±1% at 5%, 80% power: the planning size');
    assert.equal(a.enoughForTolerance, false);
    assert.equal(advice.overall.items, 30);
    assert.deepEqual(advice.assumptions, {
      alpha: 0.05,
      power: 0.8,
      rate: 0.05,
      wer: 0.1,
      wordCorrelation: 0.2,
      tolerance: 0.01,
    });
  });

  it('recomputes under the plan’s tolerance or given assumptions on GET, and refuses bad ones', async () => {
    const { body: slices } = await t.http.get(`/v1/tenants/${tenant}/slices`).set(customer);
    const id = slices[0].id;
    const loose = await t.http
      .get(`/v1/tenants/${tenant}/slices/${id}?tolerance=0.1&rate=0.2`)
      .set(customer)
      .expect(200);
    const group = loose.body.sampleSize.attributes[0].groups[0];
    assert.ok(group.itemsForTolerance < 400 && group.itemsForTolerance > 20);
    const bad = await t.http
      .get(`/v1/tenants/${tenant}/slices/${id}?tolerance=2`)
      .set(customer)
      .expect(400);
    assert.equal(bad.body.errors[0].field, 'tolerance');
    await t.http
      .get(`/v1/tenants/${tenant}/slices/${id}?planId=00000000-0000-4000-8000-000000000000`)
      .set(customer)
      .expect(404);
  });

  it('counts reference words per group of a speech slice for the WER change it can detect', async () => {
    const clips = [
      ['c1', 'a', 'turn the lights on'],
      ['c2', 'a', 'call my mother'],
      ['c3', 'a', 'open the door please now'],
      ['c4', 'b', 'stop'],
      ['c5', 'b', 'play some music'],
    ] as const;
    const files = Object.fromEntries(
      clips.map(([id], i) => [`audio/${id}.wav`, makeWav({ frequency: 300 + 100 * i })]),
    );
    const manifest = clips.map(([id, accent, reference]) => ({
      id,
      audio: `audio/${id}.wav`,
      reference,
      attributes: { accent },
    }));
    const { body } = await upload('ward', 'ward.zip', audioZip(manifest, files));
    const [a, b] = body.sampleSize.attributes[0].groups;
    assert.deepEqual([a.words, b.words, body.sampleSize.overall.words], [12, 4, 16]);
    // 12 words in 3 utterances: m̄ = 4, design effect 1 + 3 × 0.2 = 1.6.
    assert.equal(
      a.werChangeMde,
      proportionMde({ rate: 0.1, nCurrent: 12 / 1.6, nBaseline: 12 / 1.6 }),
    );
  });
});
