import assert from 'node:assert/strict';
import type { TestApp } from '../../support/test-app';

/** A browser-like client of the console: its cookie jar and the session's CSRF token. */
export interface ConsoleClient {
  cookie: string;
  csrf: string;
  get(path: string): ReturnType<TestApp['http']['get']>;
  post(path: string, form?: Record<string, string>): ReturnType<TestApp['http']['post']>;
}

const cookieOf = (setCookie: string[] | string | undefined, name: string) => {
  const line = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) =>
    c.startsWith(`${name}=`),
  );
  return line ? line.split(';')[0] : null;
};

/** The sign-in form's token and its cookie, as a browser gets them. */
export async function signInForm(t: TestApp): Promise<{ cookie: string; csrf: string }> {
  const form = await t.http.get('/console/sign-in').expect(200);
  const cookie = cookieOf(form.headers['set-cookie'], 'lastmile_signin');
  assert.ok(cookie, 'the sign-in form sets its CSRF cookie');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
  assert.ok(csrf, 'the sign-in form carries its CSRF token');
  return { cookie, csrf };
}

/** Signs in with an API key through the sign-in form; the session's CSRF token from a page. */
export async function signIn(t: TestApp, key: string): Promise<ConsoleClient> {
  const form = await signInForm(t);
  const response = await t.http
    .post('/console/sign-in')
    .set('Cookie', form.cookie)
    .type('form')
    .send({ _csrf: form.csrf, key, next: '/console' })
    .expect(303);
  const cookie = cookieOf(response.headers['set-cookie'], 'lastmile_session');
  assert.ok(cookie, `signed in: ${response.status} ${response.text}`);
  const page = await t.http.get('/console/alerts').set('Cookie', cookie).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  assert.ok(csrf, 'console pages carry the session CSRF token');
  return {
    cookie,
    csrf,
    get: (path) => t.http.get(path).set('Cookie', cookie),
    post: (path, form = {}) =>
      t.http
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...form }),
  };
}

/**
 * A page's HTML with the whitespace next to tags taken out, so assertions read the markup and its
 * text, not how the template was indented.
 */
export const flat = (html: string) =>
  html
    .replace(/\s+/g, ' ')
    .replace(/\s*>\s*/g, '>')
    .replace(/\s+</g, '<');
