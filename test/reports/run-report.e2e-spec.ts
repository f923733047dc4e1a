import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { modelBody, planBody, scenarioBody } from '../factories/api-bodies';
import { chromiumAvailable, launchChromium } from '../support/headless-chromium';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

describe('run report', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let runId: string;
  const admin = bearer(TEST_ADMIN_KEY);

  before(async () => {
    t = await startTestApp({ runner: true });
    // Knows geography, not the rest: the breakdown by topic has something to show.
    model = await startChatModelServer({
      answer: (prompt) =>
        /capital of France/.test(prompt)
          ? 'Paris'
          : /capital of Japan/.test(prompt)
            ? 'Tokyo'
            : 'no idea',
    });
    const m = await t.http
      .post('/v1/models')
      .set(admin)
      .send(
        modelBody({ adapter: { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'fixture' } }),
      );
    const s = await t.http
      .post('/v1/scenarios')
      .set(admin)
      .send(scenarioBody({ kind: 'qa' }));
    const p = await t.http.post('/v1/plans').set(admin).send(planBody(m.body.id, s.body.id));
    runId = (await t.http.post(`/v1/plans/${p.body.id}/runs`).set(admin).expect(202)).body.id;
    await waitFor(async () => {
      const { body } = await t.http.get(`/v1/runs/${runId}`).set(admin);
      return body.finishedAt ? body : undefined;
    });
  });
  after(async () => {
    await t.close();
    await model.close();
  });

  it('is served as self-contained HTML with metrics, breakdown charts and worst items', async () => {
    const response = await t.http.get(`/v1/runs/${runId}/report`).set(admin).expect(200);
    assert.match(response.headers['content-type'], /text\/html/);
    const html = response.text;
    assert.doesNotMatch(
      html,
      /<script|https?:\/\/(?!www\.w3\.org)/,
      'no scripts and no external resources',
    );
    assert.match(html, /exact_match/);
    assert.match(html, /<svg/);
    assert.match(html, /Worst items by exact_match/);
  });

  it(
    'loads in headless Chromium without errors and shows the charts',
    { skip: !chromiumAvailable() && !process.env.CI },
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'lastmile-report-')), 'report.html');
      writeFileSync(file, (await t.http.get(`/v1/runs/${runId}/report`).set(admin)).text);
      const chromium = await launchChromium();
      try {
        const page = await chromium.browser.newPage();
        const problems: string[] = [];
        page.on(
          'console',
          (message) => message.type() === 'error' && problems.push(message.text()),
        );
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(`file://${file}`);
        assert.deepEqual(problems, []);
        const charts = await page.locator('figure.chart svg').count();
        assert.ok(charts >= 1, `charts shown: ${charts}`);
        const bars = await page.locator('figure.chart svg g.bar rect').count();
        assert.ok(bars >= 2, `bars drawn: ${bars}`);
        const box = await page.locator('figure.chart svg').first().boundingBox();
        assert.ok(box && box.width > 100 && box.height > 20, 'the chart has a visible size');
        await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
      } finally {
        await chromium.close();
      }
    },
  );

  it('is refused without a key and is 404 for an unknown run', async () => {
    await t.http.get(`/v1/runs/${runId}/report`).expect(401);
    await t.http.get('/v1/runs/00000000-0000-4000-8000-000000000000/report').set(admin).expect(404);
  });
});
