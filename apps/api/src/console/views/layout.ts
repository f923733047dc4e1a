import { createHash } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { mayUse } from '../../auth/auth.decorators';
import { SlicesController } from '../../slices/slices.controller';
import { CONSOLE_CSS } from '../assets/console-css';
import { CONSOLE_JS } from '../assets/console-js';
import { html, type SafeHtml } from './html';

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
/** Asset URLs carry their content hash: cached for a year, changed with the content. */
export const ASSETS = {
  'console.css': { body: CONSOLE_CSS, type: 'text/css; charset=utf-8', v: version(CONSOLE_CSS) },
  'console.js': {
    body: CONSOLE_JS,
    type: 'text/javascript; charset=utf-8',
    v: version(CONSOLE_JS),
  },
} as const;

export type Section = 'alerts' | 'plans' | 'runs' | 'models' | 'slices' | 'upload' | 'sign-in';

/** Who is signed in, for the header and the forms (CSRF token). */
export interface Viewer {
  principal: Principal;
  csrfToken: string;
  tenantName?: string | null;
}

const SECTIONS: { id: Section; label: string; href: string; show?: (p: Principal) => boolean }[] = [
  { id: 'alerts', label: 'Alerts', href: '/console/alerts' },
  { id: 'plans', label: 'Plans', href: '/console/plans' },
  { id: 'runs', label: 'Runs', href: '/console/runs' },
  { id: 'models', label: 'Models', href: '/console/models' },
  { id: 'slices', label: 'Slices', href: '/console/slices' },
  {
    id: 'upload',
    label: 'Upload',
    href: '/console/upload',
    show: (p) => mayUse(p.role, SlicesController.prototype.upload),
  },
];

/** The page every console route renders into: header with navigation, one main landmark. */
export function page(options: {
  title: string;
  section: Section | null;
  viewer: Viewer | null;
  body: SafeHtml;
  lead?: SafeHtml | string;
}): string {
  const { viewer } = options;
  const nav = viewer
    ? SECTIONS.filter((s) => !s.show || s.show(viewer.principal)).map(
        (s) =>
          html`<a href="${s.href}" ${s.id === options.section ? html` aria-current="page"` : ''}
            >${s.label}</a
          >`,
      )
    : [];
  const who = viewer
    ? html`<span class="who"
          >${viewer.principal.role}${viewer.tenantName ? html` · ${viewer.tenantName}` : ''}</span
        >
        <form method="post" action="/console/sign-out">
          <input type="hidden" name="_csrf" value="${viewer.csrfToken}" /><button type="submit">
            Sign out
          </button>
        </form>`
    : '';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Lastmile console</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css?v=${ASSETS['console.css'].v}" />
        <script src="/console/assets/console.js?v=${ASSETS['console.js'].v}" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <nav aria-label="Console"><a class="brand" href="/console">Lastmile</a>${nav}${who}</nav>
        </header>
        <main id="main" tabindex="-1">
          <h1>${options.title}</h1>
          ${options.lead ? html`<p class="lead">${options.lead}</p>` : ''} ${options.body}
        </main>
      </body>
    </html> `.value;
}

export const badge = (kind: string, value: string) =>
  html`<span class="badge ${kind}-${value}">${value}</span>`;

/** A hidden CSRF field for a form of this session. */
export const csrfField = (viewer: Viewer) =>
  html`<input type="hidden" name="_csrf" value="${viewer.csrfToken}" />`;
