import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumAvailable, launchChromium } from '../support/headless-chromium';
import { startTestApp, type TestApp } from '../support/test-app';
import { operations, type OpenApiDocument } from './support/openapi-rules';

describe('the Swagger UI in a browser', () => {
  let t: TestApp;
  let url: string;
  before(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  after(async () => t.close());

  it(
    'renders every operation of the 3.1 document, with no console error and no 404 (favicon included)',
    { skip: !chromiumAvailable() && !process.env.CI },
    async () => {
      const document = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
      const chromium = await launchChromium();
      try {
        const page = await chromium.browser.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('response', (response) => {
          if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
        });
        await page.goto(`${url}/docs`);
        await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
        const rendered = await page.locator('.opblock').count();
        assert.equal(rendered, [...operations(document)].length);
        assert.equal(await page.locator('.errors-wrapper').count(), 0, 'no schema errors shown');
        // Browsers ask for the favicon on their own, after the page: let that request land.
        await page.waitForLoadState('networkidle');
        assert.deepEqual(problems, []);
      } finally {
        await chromium.close();
      }
    },
  );
});
