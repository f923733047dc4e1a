import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDataSource, Database, runMigrations } from '@lastmile/persistence';
import { generateServiceCard, renderCardMarkdown } from '@lastmile/reports';
import { createKey } from '../factories/api-resources';
import { CARD_IDS, CARD_NOW, seedServiceCard } from '../factories/seed-service-card';
import { createTestDatabase } from '../support/database';
import { chromiumAvailable, launchChromium } from '../support/headless-chromium';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

// The source tree's snapshot (dist/test/cards → test/cards): UPDATE_SNAPSHOTS=1 rewrites it.
const SNAPSHOT = resolve(__dirname, '../../../test/cards/__snapshots__/service-card.md');

describe('service cards', () => {
  let t: TestApp;
  const keys = { admin: TEST_ADMIN_KEY, ml: '', acme: '', globex: '' };
  const card = (key: string, accept = 'application/json', query = '') =>
    t.http.get(`/v1/models/${CARD_IDS.model}/card${query}`).set(bearer(key)).set('Accept', accept);

  before(async () => {
    t = await startTestApp();
    // The API reads the clock: its database is seeded relative to now.
    await seedServiceCard(t.dataSource, new Date());
    keys.ml = (await createKey(t, 'ml')).key;
    keys.acme = (await createKey(t, 'customer', 'acme')).key;
    keys.globex = (await createKey(t, 'customer', 'globex')).key;
  });
  after(async () => t.close());

  it('renders the seeded database as the Markdown of the snapshot', async () => {
    // Its own database, seeded and read at one fixed time: the same card every day.
    const created = await createTestDatabase();
    const dataSource = createDataSource({ url: created.url });
    let markdown: string;
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
      await seedServiceCard(dataSource, CARD_NOW);
      const generated = await generateServiceCard(
        new Database(dataSource).stores,
        CARD_IDS.model,
        { kind: 'all' },
        { now: CARD_NOW, record: false },
      );
      markdown = renderCardMarkdown(generated!.card);
    } finally {
      await dataSource.destroy();
      await created.drop();
    }
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
      mkdirSync(dirname(SNAPSHOT), { recursive: true });
      writeFileSync(SNAPSHOT, markdown);
    }
    assert.equal(
      markdown,
      readFileSync(SNAPSHOT, 'utf8'),
      'run with UPDATE_SNAPSHOTS=1 to accept a change',
    );
  });

  it('states every verdict in words and explains a gap of 0 on a wide interval', async () => {
    const { body } = await card(keys.ml).expect(200);
    const loans = body.evaluations.find(
      (e: { scenario: { name: string } }) => e.scenario.name === 'loan-decisions',
    );
    const byMetric = (metric: string) =>
      loans.fairness.find((f: { metric: string }) => f.metric === metric);
    const parity = byMetric('false_rejection_rate');
    assert.equal(parity.verdict, 'disparity_detected');
    assert.match(
      parity.verdictText,
      /^Disparity of 46\.7 points \[\+27\.5 points, \+66\.0 points\]: group=b is worse than group=a by more than the ±5\.0 points tolerance \(the 90% interval/,
    );
    const gap = byMetric('error_rate');
    assert.equal(gap.verdict, 'inconclusive');
    assert.match(
      gap.gapText,
      /^No gap in error_rate .* 95% interval .* \[−34\.8 points, \+34\.8 points\]: it includes 0/,
    );
    assert.match(
      gap.verdictText,
      /^Inconclusive: .* About [\d,]+ items per group would show parity/,
    );
    for (const metric of body.evaluations.flatMap(
      (e: { headline: { text: string }[] }) => e.headline,
    ))
      assert.match(metric.text, /with 95% confidence|No value/);
  });

  it("builds a customer's card from public data and its own tenant's, never another tenant's", async () => {
    const acme = await card(keys.acme).expect(200);
    const text = JSON.stringify(acme.body).toLowerCase();
    assert.ok(!text.includes('globex'), 'no trace of the other tenant');
    assert.ok(!text.includes(CARD_IDS.globexRun) && !text.includes(CARD_IDS.globexPlan));
    const slices = acme.body.evaluations
      .map((e: { slice: { name: string } }) => e.slice.name)
      .sort();
    assert.deepEqual(slices, ['acme-tickets', 'faq-public', 'loan-applicants']);
    assert.deepEqual([acme.body.drift.open, acme.body.drift.resolved], [1, 1]);
    // Counts too: the operator's card has one more run and one more open incident.
    const all = await card(keys.ml).expect(200);
    assert.equal(all.body.model.finishedRuns, acme.body.model.finishedRuns + 1);
    assert.equal(all.body.drift.open, 2);
    const globex = JSON.stringify((await card(keys.globex).expect(200)).body).toLowerCase();
    assert.ok(!globex.includes('acme'), 'and the other way round');
  });

  it('serves Markdown and a self-contained HTML page by Accept, JSON otherwise', async () => {
    const markdown = await card(keys.acme, 'text/markdown').expect(200);
    assert.match(markdown.headers['content-type'], /^text\/markdown/);
    assert.match(markdown.text, /^# Service card: support-chat 2026-03/);
    const html = await card(keys.acme, 'text/html').expect(200);
    assert.match(html.headers['content-type'], /^text\/html/);
    assert.match(html.headers['content-security-policy'], /default-src 'none'/);
    assert.doesNotMatch(html.text, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.match((await card(keys.acme, '*/*', '?format=md').expect(200)).text, /^# Service card/);
    await card(keys.acme, 'application/json', '?format=pdf').expect(400);
  });

  it('reads Accept with its q-values: JSON for any type or none, 406 when none is acceptable', async () => {
    const served = async (accept: string | null, query = '') => {
      const request = t.http
        .get(`/v1/models/${CARD_IDS.model}/card${query}`)
        .set(bearer(keys.acme));
      if (accept !== null) request.set('Accept', accept);
      const response = await request.expect(200);
      assert.match(response.headers.vary, /Accept/);
      return String(response.headers['content-type']).split(';')[0];
    };
    assert.equal(await served('application/json, text/html;q=0.1'), 'application/json');
    assert.equal(await served('text/html;q=0.5, text/markdown'), 'text/markdown');
    assert.equal(
      await served('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'),
      'text/html',
      "a browser's Accept",
    );
    assert.equal(await served('*/*'), 'application/json');
    assert.equal(await served(null), 'application/json', 'no Accept header');
    assert.equal(await served('image/png', '?format=md'), 'text/markdown', '?format wins');
    for (const accept of ['image/png', 'application/json;q=0, text/plain']) {
      const refused = await card(keys.acme, accept).expect(406);
      assert.match(refused.headers['content-type'], /^application\/problem\+json/);
      assert.equal(refused.body.status, 406);
      assert.deepEqual(
        refused.body.errors.map((e: { field: string }) => e.field),
        ['accept'],
      );
      assert.match(
        refused.body.errors[0].reason,
        /accepts none of application\/json, text\/markdown, text\/html/,
      );
    }
  });

  it('keeps one version per distinct card and scope, and a new one when the notes change', async () => {
    const history = async (key: string) =>
      (await t.http.get(`/v1/models/${CARD_IDS.model}/cards`).set(bearer(key)).expect(200)).body;
    await card(keys.globex).expect(200);
    const before = await history(keys.globex);
    await card(keys.globex).expect(200);
    const same = await history(keys.globex);
    assert.equal(same.length, before.length, 'the same content is the same version');
    assert.equal(same[0].generationCount, before[0].generationCount + 1);
    await t.http
      .patch(`/v1/models/${CARD_IDS.model}`)
      .set(bearer(keys.ml))
      .send({ card: { contact: 'support-ml@example.com' } })
      .expect(200);
    const { body } = await card(keys.globex).expect(200);
    assert.equal(body.intendedUse.contact, 'support-ml@example.com');
    assert.match(body.intendedUse.intendedUse, /^Answering customer questions/, 'other notes kept');
    const changed = await history(keys.globex);
    assert.equal(changed.length, same.length + 1);
    assert.equal(changed[0].contentHash, body.identity.contentHash);
    assert.ok(
      (await history(keys.acme)).every(
        (row: { id: string }) => !changed.some((c: { id: string }) => c.id === row.id),
      ),
      'scopes never share rows',
    );
  });

  it('serves a past version by id, in JSON, Markdown and HTML, only in the scope it was built for', async () => {
    const past = (await card(keys.globex).expect(200)).body;
    await t.http
      .patch(`/v1/models/${CARD_IDS.model}`)
      .set(bearer(keys.ml))
      .send({ card: { outOfScope: 'Anything a person is judged on.' } })
      .expect(200);
    const current = (await card(keys.globex).expect(200)).body;
    assert.notEqual(current.cardId, past.cardId, 'the notes edit is a new version');
    const stored = (key: string, accept = 'application/json', cardId = past.cardId as string) =>
      t.http
        .get(`/v1/models/${CARD_IDS.model}/cards/${cardId}`)
        .set(bearer(key))
        .set('Accept', accept);

    const json = await stored(keys.globex).expect(200);
    assert.match(json.headers['content-type'], /^application\/json/);
    assert.deepEqual(json.body, past, 'the version as it was generated, not regenerated');
    assert.doesNotMatch(json.body.intendedUse.outOfScope, /judged/);
    const markdown = await stored(keys.globex, 'text/markdown').expect(200);
    assert.match(markdown.headers['content-type'], /^text\/markdown/);
    assert.match(markdown.text, /^# Service card: support-chat 2026-03/);
    assert.ok(markdown.text.includes(`Card version ${past.identity.versionKey.slice(0, 12)}`));
    assert.ok(markdown.text.includes(past.intendedUse.outOfScope));
    const html = await stored(keys.globex, 'text/html').expect(200);
    assert.match(html.headers['content-type'], /^text\/html/);
    assert.match(html.headers['content-security-policy'], /default-src 'none'/);
    assert.ok(html.text.includes(`Card version ${past.identity.versionKey.slice(0, 12)}`));
    assert.equal(
      String(
        (await stored(keys.globex, 'application/json, text/html;q=0.1').expect(200)).headers[
          'content-type'
        ],
      ).split(';')[0],
      'application/json',
    );
    await stored(keys.globex, 'image/png').expect(406);

    // Another tenant, the operator's scope, an unknown id, another model's path: all 404.
    await stored(keys.acme).expect(404);
    await stored(keys.ml).expect(404);
    await stored(keys.globex, 'application/json', '00000000-0000-4000-8000-00000000dead').expect(
      404,
    );
    await stored(keys.globex, 'application/json', 'not-a-uuid').expect(404);
    await t.http
      .get(`/v1/models/${CARD_IDS.previous}/cards/${past.cardId}`)
      .set(bearer(keys.globex))
      .expect(404);
    const operators = (await card(keys.ml).expect(200)).body;
    await stored(keys.ml, 'application/json', operators.cardId).expect(200);
    await stored(keys.globex, 'application/json', operators.cardId).expect(404);
  });

  it('keeps the same version when the same runs are summarized again on another day', async () => {
    const acme = { kind: 'tenant' as const, tenantId: CARD_IDS.acme };
    const history = async () =>
      (await t.http.get(`/v1/models/${CARD_IDS.model}/cards`).set(bearer(keys.acme)).expect(200))
        .body as { id: string; versionKey: string; contentHash: string; generationCount: number }[];
    const today = (await card(keys.acme).expect(200)).body;
    const before = await history();
    // The service generates with `now`; tomorrow moves the drift window, not the runs.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const next = await generateServiceCard(
      new Database(t.dataSource).stores,
      CARD_IDS.model,
      acme,
      {
        now: tomorrow,
      },
    );
    assert.notEqual(next!.card.drift.since, today.drift.since, 'the window moved a day');
    assert.notEqual(next!.card.identity.contentHash, today.identity.contentHash);
    assert.deepEqual(next!.card.identity.runIds, today.identity.runIds);
    assert.equal(next!.card.identity.versionKey, today.identity.versionKey);
    assert.equal(next!.cardId, today.cardId, 'the same version');
    const after = await history();
    assert.equal(after.length, before.length, 'no new version');
    const row = after.find((r) => r.id === today.cardId)!;
    const was = before.find((r) => r.id === today.cardId)!;
    assert.equal(row.generationCount, was.generationCount + 1);
    assert.equal(row.contentHash, next!.card.identity.contentHash, 'it keeps the latest content');
  });

  it('refuses hand-written notes from a customer and malformed ones from anyone', async () => {
    const patch = (key: string, body: object) =>
      t.http.patch(`/v1/models/${CARD_IDS.model}`).set(bearer(key)).send(body);
    await patch(keys.acme, { card: { contact: 'x' } }).expect(403);
    await patch(keys.ml, { card: {} }).expect(400);
    await patch(keys.ml, { name: 'renamed' }).expect(400);
    await patch(keys.ml, { card: { contact: 'x'.repeat(4001) } }).expect(400);
    await t.http
      .patch('/v1/models/00000000-0000-4000-8000-00000000dead')
      .set(bearer(keys.ml))
      .send({ card: { contact: 'x' } })
      .expect(404);
  });

  it('compares two model versions evaluation by evaluation, with intervals', async () => {
    const { body } = await card(
      keys.ml,
      'application/json',
      `?compareTo=${CARD_IDS.previous}`,
    ).expect(200);
    const { comparison } = body;
    assert.equal(comparison.other.version, '2026-02');
    assert.equal(comparison.adapterSpecChanged, true);
    const overall = comparison.changes.find(
      (c: { metric: string; subgroup: string }) =>
        c.metric === 'exact_match' && c.subgroup === 'all',
    );
    assert.equal(overall.difference.method, 'newcombe');
    assert.ok(Math.abs(overall.difference.value - 0.08) < 1e-9);
    assert.ok(overall.difference.low > 0, 'the interval excludes no change');
    assert.equal(overall.verdict, 'better');
    const chat = comparison.changes.find(
      (c: { metric: string; subgroup: string }) =>
        c.metric === 'exact_match' && c.subgroup === 'channel=chat',
    );
    assert.equal(chat.verdict, 'no clear change');
    assert.ok(comparison.onlyHere.some((e: string) => e.startsWith('loan-decisions')));
    const markdown = await card(keys.ml, 'text/markdown', `?compareTo=${CARD_IDS.previous}`).expect(
      200,
    );
    assert.match(markdown.text, /## Compared with support-chat 2026-02/);
    await card(
      keys.ml,
      'application/json',
      '?compareTo=00000000-0000-4000-8000-00000000dead',
    ).expect(404);
  });

  it('prints the card from the command line, by name@version or id, to a file', () => {
    const cli = resolve(__dirname, '../../../bin/lastmile.js');
    const out = join(mkdtempSync(join(tmpdir(), 'lastmile-card-cli-')), 'card.md');
    const { DATABASE_URL: _inherited, ...env } = process.env;
    const lastmile = (...args: string[]) =>
      spawnSync(process.execPath, [cli, 'card', ...args], {
        env: { ...env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
    const written = lastmile('support-chat@2026-03', '--format', 'md', '--out', out);
    assert.equal(written.status, 0, written.stderr);
    const markdown = readFileSync(out, 'utf8');
    assert.match(markdown, /^# Service card: support-chat 2026-03/);
    assert.match(markdown, /globex-secret-tickets/, "the operator's card shows every tenant");
    const json = lastmile(CARD_IDS.previous, '--format', 'json');
    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).model.version, '2026-02');
    const missing = lastmile('support-chat@1999');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no model support-chat@1999/);
  });

  it(
    'draws the HTML card in headless Chromium without console errors',
    { skip: !chromiumAvailable() && !process.env.CI },
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'lastmile-card-')), 'card.html');
      writeFileSync(
        file,
        (await card(keys.ml, 'text/html', `?compareTo=${CARD_IDS.previous}`)).text,
      );
      const chromium = await launchChromium();
      try {
        const page = await chromium.browser.newPage();
        const problems: string[] = [];
        page.on(
          'console',
          (message) => message.type() === 'error' && problems.push(message.text()),
        );
        page.on('pageerror', (error) => problems.push(error.message));
        page.on(
          'request',
          (request) =>
            !request.url().startsWith('file:') && problems.push(`fetched ${request.url()}`),
        );
        await page.goto(`file://${file}`);
        assert.deepEqual(problems, []);
        assert.ok(
          (await page.locator('figure.chart svg').count()) >= 4,
          'headline and group charts',
        );
        assert.ok((await page.locator('figure.chart svg g.bar rect').count()) >= 10, 'bars drawn');
        assert.ok(
          (await page.locator('figure.chart svg line.ci').count()) >= 10,
          'intervals drawn',
        );
        const box = await page.locator('figure.chart svg').first().boundingBox();
        assert.ok(box && box.width > 100 && box.height > 20, 'the chart has a visible size');
        await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
      } finally {
        await chromium.close();
      }
    },
  );
});
