import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bearer, TEST_ADMIN_KEY } from '../support/test-app';
import { chromiumAvailable, launchChromium } from '../support/headless-chromium';
import { buildConsoleWorld, sliceJsonl, type ConsoleWorld } from './support/console-world';

// Browser globals, for the functions that run in the page (the project compiles without DOM types).
declare const document: {
  activeElement: {
    id: string;
    textContent: string | null;
    matches(selector: string): boolean;
  } | null;
  getElementById(id: string): { dispatchEvent(event: unknown): boolean } | null;
};
declare const window: { axe: { run(): Promise<{ violations: AxeViolation[] }> } };
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const DragEvent: new (type: string, init: object) => unknown;
interface AxeViolation {
  id: string;
  impact: string;
  nodes: unknown[];
}

/** axe-core's browser bundle: LASTMILE_AXE_CORE names one, else the installed package's. */
function axeSource(): string | null {
  const candidates = [process.env.LASTMILE_AXE_CORE];
  try {
    candidates.push(require.resolve('axe-core/axe.min.js'));
  } catch {
    // not installed
  }
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  return found ? readFileSync(found, 'utf8') : null;
}

const AXE = axeSource();
/** Where screenshots of the main pages go when asked (docs/console for docs/console.md). */
const SHOTS = process.env.LASTMILE_CONSOLE_SCREENSHOTS;
const PAGE_BUDGET_BYTES = 200 * 1024;

describe('the console in Chromium', { skip: !chromiumAvailable() && !process.env.CI }, () => {
  let world: ConsoleWorld;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let base: string;

  before(async () => {
    world = await buildConsoleWorld();
    await world.t.app.listen(0, '127.0.0.1');
    base = await world.t.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
    chromium = await launchChromium();
    browser = chromium.browser;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await chromium?.close();
    await world?.close();
  });

  /** A page that records every console error, page error and failed request. */
  async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    return { page, problems };
  }

  /** The ready link the demo prints: /console/sign-in#key=… (the fragment is never sent). */
  const signInLink = (key: string, next = '/console') =>
    `${base}/console/sign-in?next=${encodeURIComponent(next)}#key=${encodeURIComponent(key)}`;

  /** Signs in through a ready link as a person does: the link fills the key, they press Sign in. */
  async function signInByLink(page: Page, key: string, next = '/console') {
    await browser.clearCookies();
    await page.goto(signInLink(key, next));
    await page.click('#sign-in button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/console/sign-in'));
    assert.equal(new URL(page.url()).hash, '', 'the key left the address bar');
  }

  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(page: Page, matches: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          (selector) => document.activeElement?.matches(selector) ?? false,
          matches,
        )
      )
        return;
    }
    throw new Error(`Tab never reached ${matches}`);
  }

  it('fills the key from a link but never signs in until a person presses Sign in (no login CSRF)', async () => {
    // Any site could link here with its own key and sign the visitor in to its tenant.
    await browser.clearCookies();
    const { page, problems } = await open();
    await page.goto(signInLink(world.keys.otherCustomer.key, '/console/slices'));
    await page.waitForLoadState('load');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(new URL(page.url()).pathname, '/console/sign-in', 'still on the sign-in page');
    assert.equal(new URL(page.url()).hash, '', 'the key left the address bar');
    assert.equal(await page.inputValue('#key'), world.keys.otherCustomer.key);
    assert.equal(await page.isVisible('#key-from-link'), true, 'the page says a link filled it');
    assert.deepEqual(
      (await browser.cookies()).map((c) => c.name).filter((name) => name === 'lastmile_session'),
      [],
      'no session before the person presses Sign in',
    );
    await page.click('#sign-in button[type=submit]');
    await page.waitForURL('**/console/slices');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lets on-call sign in, open the incident and acknowledge it with a note, by keyboard alone', async () => {
    await browser.clearCookies();
    const { page, problems } = await open();
    await page.goto(`${base}/console/alerts/${world.incidentId}`);
    assert.match(page.url(), /\/console\/sign-in\?next=/);
    await tabTo(page, 'a.skip');
    await tabTo(page, '#key');
    await page.keyboard.type(world.keys.oncall.key);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/console/alerts/${world.incidentId}`);
    await page.goto(`${base}/console/alerts`);
    await tabTo(page, 'a.skip');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'main',
      'skip link moves focus',
    );
    await tabTo(page, `a[href="/console/alerts/${world.incidentId}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/console/alerts/${world.incidentId}`);
    assert.ok(
      (await page.locator('figure.chart svg circle').count()) >= 2,
      'baseline and now drawn',
    );
    assert.match(await page.locator('main').innerText(), /exact_match went from 100\.0%/);
    await tabTo(page, '#note-ack');
    await page.keyboard.type('on it: the model answers "I do not know"');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Acknowledge',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=acknowledged/);
    assert.match(await page.locator('[role=status]').innerText(), /Incident acknowledged/);
    assert.match(
      await page.locator('ol.timeline').innerText(),
      /acknowledged by key .*on it: the model answers/,
    );
    const { body } = await world.t.http
      .get(`/v1/alerts/${world.incidentId}`)
      .set(bearer(TEST_ADMIN_KEY))
      .expect(200);
    assert.equal(body.status, 'acknowledged');
    assert.deepEqual(problems, []);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'incident.png'), fullPage: true });
    await page.close();
  });

  it('shows a customer the errors of a malformed upload per line, then takes a dropped good file', async () => {
    const { page, problems } = await open();
    await signInByLink(page, world.keys.customer.key, '/console/upload');
    await page.fill('#name', 'ward-upload');
    await page.setInputFiles('#file', {
      name: 'rows.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('{"id":"a","input":"x"}\n{"id":"b"}\n{"id":"c","input":42}\n'),
    });
    await page.click('button[type=submit].primary');
    const refused = page.locator('#upload-status .notice.error');
    await refused.waitFor();
    assert.match(await refused.locator('p').first().innerText(), /^Refused \(422\)/);
    const rows = await refused.locator('tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split('\t')),
      [
        ['line 2', 'input', 'is required'],
        ['line 3', 'input', 'must be a string, got number 42'],
      ],
    );
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'upload-refused.png'), fullPage: true });
    // The good file arrives by drag and drop.
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'ward.jsonl', { type: 'application/x-ndjson' }));
      document
        .getElementById('drop')!
        .dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    }, sliceJsonl(6).toString('utf8'));
    assert.match(await page.locator('#chosen').innerText(), /^ward\.jsonl/);
    await page.click('button[type=submit].primary');
    const accepted = page.locator('#upload-status .notice.ok');
    await accepted.waitFor();
    assert.match(await accepted.innerText(), /Uploaded ward-upload v1, 6 items\./);
    await accepted.locator('a').click();
    await page.waitForURL(/\/console\/slices\/[0-9a-f-]{36}$/);
    assert.match(await page.locator('caption').first().innerText(), /Items per topic/);
    // The refusal reaches the script as data: nothing for the browser to log as an error.
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("does not show one tenant's incident to another tenant's customer", async () => {
    const { page } = await open();
    await signInByLink(page, world.keys.otherCustomer.key, '/console/alerts?status=');
    assert.equal(await page.locator(`a[href="/console/alerts/${world.incidentId}"]`).count(), 0);
    const response = await page.goto(`${base}/console/alerts/${world.incidentId}`);
    assert.equal(response?.status(), 404);
    assert.match(await page.locator('main').innerText(), /does not exist/);
    const plan = await page.goto(`${base}/console/plans/${world.planId}`);
    assert.equal(plan?.status(), 404);
    await page.close();
  });

  it('loads every page without a console error, within 200 KB, with no serious or critical axe violation', async (context) => {
    // axe-core is a devDependency: without it the accessibility check would pass unseen.
    assert.ok(AXE, 'axe-core is installed (npm ci)');
    context.diagnostic('accessibility checked with axe-core');
    const { incidentId, planId, sliceId, runs } = world;
    const pages: { role: 'oncall' | 'ml' | 'customer' | 'admin'; path: string; shot?: string }[] = [
      { role: 'oncall', path: '/console/alerts', shot: 'inbox' },
      { role: 'oncall', path: `/console/alerts/${incidentId}` },
      { role: 'oncall', path: '/console/runs' },
      { role: 'ml', path: '/console/models', shot: 'models' },
      { role: 'ml', path: '/console/plans' },
      { role: 'ml', path: `/console/plans/${planId}`, shot: 'plan' },
      { role: 'ml', path: `/console/runs/${runs.drifted}`, shot: 'run' },
      {
        role: 'ml',
        path: `/console/compare?a=${runs.baseline}&b=${runs.drifted}`,
        shot: 'compare',
      },
      { role: 'customer', path: '/console/slices', shot: 'slices' },
      { role: 'customer', path: `/console/slices/${sliceId}`, shot: 'slice' },
      { role: 'customer', path: '/console/upload', shot: 'upload' },
      { role: 'customer', path: '/console/plans', shot: 'customer-plans' },
      { role: 'customer', path: `/console/alerts/${incidentId}` },
      { role: 'admin', path: '/console/slices' },
      { role: 'admin', path: `/console/upload?tenant=${world.ward.slug}` },
    ];
    const keys = {
      oncall: world.keys.oncall.key,
      ml: world.keys.ml.key,
      customer: world.keys.customer.key,
      admin: TEST_ADMIN_KEY,
    };
    const violations: string[] = [];
    const check = async (page: Page, label: string) => {
      if (!AXE) return;
      await page.evaluate(AXE);
      const result = await page.evaluate(() =>
        (
          window as unknown as {
            axe: {
              run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe.run(),
      );
      for (const v of result.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          violations.push(`${label}: ${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
    };
    const { page, problems } = await open();
    let signedInAs: string | null = null;
    for (const { role, path, shot } of pages) {
      if (signedInAs !== role) {
        await signInByLink(page, keys[role]);
        signedInAs = role;
      }
      let bytes = 0;
      const count = (response: import('playwright-core').Response) =>
        response.body().then(
          (body) => (bytes += body.length),
          () => undefined,
        );
      const responses: Promise<unknown>[] = [];
      const listener = (response: import('playwright-core').Response) => {
        if (response.status() >= 400)
          problems.push(`${path}: ${response.status()} ${response.url()}`);
        responses.push(count(response));
      };
      page.on('response', listener);
      // A first load: nothing cached.
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await Promise.all(responses);
      page.off('response', listener);
      assert.ok(bytes < PAGE_BUDGET_BYTES, `${path}: ${bytes} bytes of HTML, CSS and JS`);
      assert.ok(bytes > 1000, `${path}: the page loaded (${bytes} bytes)`);
      await check(page, `${role} ${path}`);
      if (SHOTS && shot)
        await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    }
    await browser.clearCookies();
    await page.goto(`${base}/console/sign-in`);
    await check(page, 'sign-in');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'sign-in.png') });
    assert.deepEqual(problems, []);
    assert.deepEqual(violations, []);
    await page.close();
  });
});
