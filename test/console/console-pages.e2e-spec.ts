import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, TEST_ADMIN_KEY } from '../support/test-app';
import { buildConsoleWorld, sliceJsonl, type ConsoleWorld } from './support/console-world';
import { flat, signIn, type ConsoleClient } from './support/console-session';

describe('console pages', () => {
  let world: ConsoleWorld;
  let oncall: ConsoleClient;
  let ml: ConsoleClient;
  let customer: ConsoleClient;
  let otherCustomer: ConsoleClient;

  before(async () => {
    world = await buildConsoleWorld();
    [oncall, ml, customer, otherCustomer] = await Promise.all([
      signIn(world.t, world.keys.oncall.key),
      signIn(world.t, world.keys.ml.key),
      signIn(world.t, world.keys.customer.key),
      signIn(world.t, world.keys.otherCustomer.key),
    ]);
  });
  after(async () => world.close());

  it("lists the open incident in on-call's inbox under its severity, with a link to it", async () => {
    const page = await oncall.get('/console/alerts').expect(200);
    assert.match(flat(page.text), new RegExp(`href="/console/alerts/${world.incidentId}"`));
    assert.match(flat(page.text), /<h2>Critical/);
    const filtered = await oncall.get(`/console/alerts?plan=${world.otherPlanId}`).expect(200);
    assert.doesNotMatch(flat(filtered.text), new RegExp(world.incidentId));
    const bad = await oncall.get('/console/alerts?severity=urgent').expect(400);
    assert.match(flat(bad.text), /severity/);
  });

  it('filters the inbox by age, as the API filters by opening time', async () => {
    // The incident was opened moments ago: not older than an hour.
    const old = await oncall.get('/console/alerts?age=1h').expect(200);
    assert.doesNotMatch(flat(old.text), new RegExp(world.incidentId));
    assert.match(flat(old.text), /<option value="1h"\s+selected>older than an hour/);
    const bad = await oncall.get('/console/alerts?age=forever').expect(400);
    assert.match(flat(bad.text), /age/);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const list = (query: string) =>
      world.t.http
        .get(`/v1/alerts?${query}`)
        .set(bearer(TEST_ADMIN_KEY))
        .expect(200)
        .then((r) => (r.body.items as { id: string }[]).map((a) => a.id));
    assert.ok(
      !(await list(`openedBefore=${encodeURIComponent(hourAgo)}`)).includes(world.incidentId),
    );
    assert.ok(
      (await list(`openedAfter=${encodeURIComponent(hourAgo)}`)).includes(world.incidentId),
    );
    const refused = await world.t.http
      .get('/v1/alerts?openedBefore=yesterday')
      .set(bearer(TEST_ADMIN_KEY))
      .expect(400);
    assert.equal(refused.body.errors[0].field, 'openedBefore');
  });

  it('shows the incident with its evidence in words, a chart per metric, worst items and the timeline', async () => {
    const page = await oncall.get(`/console/alerts/${world.incidentId}`).expect(200);
    // 33 of 33 right, then 21 of 33: exact_match 100.0% → 63.6%, a change of -36.4 pp.
    assert.match(
      flat(page.text),
      /exact_match went from 100\.0% \[[\d.]+%, 100\.0%\] in the baseline of 1 run to 63\.6% /,
    );
    assert.match(flat(page.text), /a change of -36\.4 pp/);
    assert.match(
      flat(page.text),
      /<figure class="chart"><figcaption>exact_match: baseline vs now per group/,
    );
    assert.match(flat(page.text), /<h2 id="worst">Worst items/);
    assert.match(flat(page.text), /I do not know/);
    assert.match(flat(page.text), /<ol class="timeline"><li class="event">/);
    assert.match(flat(page.text), /<b>opened<\/b>by run/);
    assert.match(flat(page.text), /action="\/console\/alerts\/[^"]+\/ack"/);
  });

  it('acknowledges and resolves with a note through the forms, as the API would', async () => {
    const acked = await oncall
      .post(`/console/alerts/${world.incidentId}/ack`, { note: 'looking at the model' })
      .expect(303);
    assert.equal(acked.headers.location, `/console/alerts/${world.incidentId}?done=acknowledged`);
    const { body } = await world.t.http
      .get(`/v1/alerts/${world.incidentId}`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.equal(body.status, 'acknowledged');
    const event = body.events.find((e: { event: string }) => e.event === 'acknowledged');
    assert.equal(event.note, 'looking at the model');
    assert.equal(event.actorKeyId, world.keys.oncall.id);
    const again = await oncall.post(`/console/alerts/${world.incidentId}/ack`).expect(409);
    assert.match(flat(again.text), /only an open alert can be acknowledged/);
  });

  it('does not let a customer acknowledge (the API route’s roles)', async () => {
    await customer.post(`/console/alerts/${world.incidentId}/resolve`).expect(403);
    const page = await customer.get(`/console/alerts/${world.incidentId}`).expect(200);
    assert.doesNotMatch(flat(page.text), /\/resolve"/, 'no form the role may not send');
  });

  it("never shows one tenant's incidents, plans, runs or slices to another", async () => {
    const inbox = await otherCustomer.get('/console/alerts?status=').expect(200);
    assert.doesNotMatch(flat(inbox.text), new RegExp(world.incidentId));
    for (const path of [
      `/console/alerts/${world.incidentId}`,
      `/console/plans/${world.planId}`,
      `/console/runs/${world.runs.drifted}`,
      `/console/slices/${world.sliceId}`,
      `/console/compare?a=${world.runs.baseline}&b=${world.runs.drifted}`,
    ])
      await otherCustomer.get(path).expect(404);
    await otherCustomer
      .post(`/console/plans/${world.planId}/baseline`, { runId: world.runs.baseline })
      .expect(403);
    const plans = await otherCustomer.get('/console/plans').expect(200);
    assert.doesNotMatch(flat(plans.text), /Ward 7 questions/);
    assert.match(flat(plans.text), /Other tenant questions/);
    // A customer's tenant is its key's: naming another in the query changes nothing.
    const slices = await otherCustomer.get(`/console/slices?tenant=${world.ward.slug}`).expect(200);
    assert.match(flat(slices.text), new RegExp(world.other.name));
    assert.doesNotMatch(flat(slices.text), new RegExp(world.sliceId));
  });

  it("shows the customer's slice versions with items per group", async () => {
    const list = await customer.get('/console/slices').expect(200);
    assert.match(flat(list.text), new RegExp(`href="/console/slices/${world.sliceId}"`));
    const slice = await customer.get(`/console/slices/${world.sliceId}`).expect(200);
    assert.match(flat(slice.text), /<caption>Items per topic<\/caption>/);
    // 33 questions over three topics round-robin: 11 each.
    for (const topic of ['geography', 'history', 'science'])
      assert.match(flat(slice.text), new RegExp(`<td>${topic}</td><td class="num">11</td>`));
  });

  it('refuses a malformed upload with the errors per line and field, then takes a good one', async () => {
    const bad = await world.t.http
      .post('/console/upload')
      .set('Cookie', customer.cookie)
      .set('X-CSRF-Token', customer.csrf)
      .set('Accept', 'application/json')
      .field('name', 'ward-upload')
      .attach('file', Buffer.from('{"id":"a","input":"x"}\n{"id":"b"}\n'), 'rows.jsonl')
      .expect(200);
    // To the page's script a refusal is data (the API's problem, its status inside).
    assert.equal(bad.body.refused.status, 422);
    assert.deepEqual(bad.body.refused.errors[0], { field: 'rows[2].input', reason: 'is required' });
    // A form post without script gets the error page with the problem's status.
    await world.t.http
      .post(`/console/upload?_csrf=${encodeURIComponent(customer.csrf)}`)
      .set('Cookie', customer.cookie)
      .field('name', 'ward-upload')
      .attach('file', Buffer.from('{"id":"b"}\n'), 'rows.jsonl')
      .expect(422);
    const good = await world.t.http
      .post('/console/upload')
      .set('Cookie', customer.cookie)
      .set('X-CSRF-Token', customer.csrf)
      .set('Accept', 'application/json')
      .field('name', 'ward-upload')
      .attach('file', sliceJsonl(6), 'rows.jsonl')
      .expect(201);
    assert.equal(good.body.itemCount, 6);
    // Without script: a plain form post goes to the new version's page.
    const form = await world.t.http
      .post(`/console/upload?_csrf=${encodeURIComponent(customer.csrf)}`)
      .set('Cookie', customer.cookie)
      .field('name', 'ward-upload-2')
      .attach('file', sliceJsonl(3), 'rows.jsonl')
      .expect(303);
    assert.match(String(form.headers.location), /^\/console\/slices\/[0-9a-f-]{36}$/);
    await world.t.http
      .post('/console/upload')
      .set('Cookie', customer.cookie)
      .field('name', 'no-token')
      .attach('file', sliceJsonl(3), 'rows.jsonl')
      .expect(403);
  });

  it('compares two runs side by side with the paired test, interval and the items that changed', async () => {
    const page = await ml
      .get(`/console/compare?a=${world.runs.baseline}&b=${world.runs.drifted}`)
      .expect(200);
    // exact_match on all 33 pairs: 12 lost, none gained: exact McNemar p = 2·0.5¹² = 0.000488.
    assert.match(
      flat(page.text),
      /<td>all<\/td><td class="num">100\.0%<\/td><td class="num">63\.6%<\/td><td class="num">-36\.4 pp \[[^\]]+\]<\/td><td>mcnemar-exact<\/td><td class="num">33<\/td><td class="num">4\.9e-4<\/td>/,
    );
    assert.match(flat(page.text), /<span class="worse">worse<\/span>/);
    assert.match(flat(page.text), /12 items changed exact_match/);
    assert.match(flat(page.text), /<td>I do not know<\/td>/);
  });

  it('shows plans with their latest result, and pins a run as the baseline (ML only)', async () => {
    const plans = await customer.get('/console/plans').expect(200);
    assert.match(flat(plans.text), /Ward 7 questions/);
    assert.match(flat(plans.text), /exact_match 63\.6%/);
    const plan = await ml.get(`/console/plans/${world.planId}`).expect(200);
    assert.match(
      flat(plan.text),
      /the first run; a new model or slice version starts its own baseline/,
    );
    assert.match(flat(plan.text), /Pin as baseline/);
    await customer
      .post(`/console/plans/${world.planId}/baseline`, { runId: world.runs.baseline })
      .expect(403);
    const pinned = await ml
      .post(`/console/plans/${world.planId}/baseline`, { runId: world.runs.baseline })
      .expect(303);
    assert.equal(pinned.headers.location, `/console/plans/${world.planId}?done=pinned`);
    const after = await ml.get(`/console/plans/${world.planId}`).expect(200);
    assert.match(flat(after.text), new RegExp(`pinned to run ${world.runs.baseline.slice(0, 8)}`));
  });

  it('shows models and runs to every role', async () => {
    for (const client of [oncall, ml, customer]) {
      await client.get('/console/models').expect(200);
      const runs = await client.get('/console/runs').expect(200);
      assert.match(flat(runs.text), new RegExp(world.runs.drifted.slice(0, 8)));
      const run = await client.get(`/console/runs/${world.runs.drifted}`).expect(200);
      assert.match(flat(run.text), /exact_match/);
    }
    const models = await customer.get('/console/models').expect(200);
    assert.doesNotMatch(flat(models.text), /openai-chat/, 'a customer never sees adapters');
  });
});
