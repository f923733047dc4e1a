import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Redirect,
  Req,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import type { AppConfig } from '@lastmile/config';
import { ConsoleRoute, Public } from '../../auth/auth.decorators';
import { APP_CONFIG } from '../../config.token';
import {
  cookieHeader,
  isHttps,
  readCookies,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
} from '../auth/console-cookies';
import { ConsoleSessionsService, sameToken } from '../auth/console-sessions.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleHeadersInterceptor, CurrentViewer } from '../console-http';
import { html } from '../views/html';
import { ASSETS, page, type Viewer } from '../views/layout';

/** Where to go after signing in: a console path of this site only (never //host or a scheme). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[^/\\]|\/?$|\?)/.test(next) ? next : '/console';
}

/** Each role's first page: what that person comes to the console for. */
const HOME: Record<string, string> = {
  oncall: '/console/alerts',
  customer: '/console/slices',
  ml: '/console/plans',
  admin: '/console/alerts',
};

const signInPage = (token: string, next: string, error: string | null) =>
  page({
    title: 'Sign in',
    section: 'sign-in',
    viewer: null,
    lead: 'Sign in with an API key. The console acts as that key: the same role, the same tenant.',
    body: html`${error ? html`<div class="notice error" role="alert"><p>${error}</p></div>` : ''}
      <form id="sign-in" method="post" action="/console/sign-in">
        <input type="hidden" name="_csrf" value="${token}" /><input
          type="hidden"
          name="next"
          value="${next}"
        />
        <p>
          <label for="key">API key</label><br /><input
            id="key"
            name="key"
            type="password"
            size="48"
            autocomplete="off"
            required
          />
        </p>
        <p id="key-from-link" class="notice" hidden>
          A link filled in this key. Press Sign in only if you asked for that link: the console will
          act as the key, in its tenant.
        </p>
        <p><button class="primary" type="submit">Sign in</button></p>
      </form>
      <p class="muted">
        An operator creates keys with <code>lastmile keys create</code> or
        <code>POST /v1/keys</code>. The key stays in this browser only as a session cookie
        (HttpOnly, SameSite=Strict) that ends when you sign out, when it expires, or when the key is
        revoked.
      </p>`,
  });

@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleSignInController {
  constructor(
    private readonly sessions: ConsoleSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ConsoleRoute()
  @Redirect()
  home(@CurrentViewer() viewer: Viewer) {
    return { url: HOME[viewer.principal.role] ?? '/console/alerts', statusCode: 302 };
  }

  @Get('sign-in')
  @Public()
  async signInForm(
    @Req() request: Request,
    @Res() response: Response,
    @Query('next') next?: string,
  ): Promise<void> {
    const session = await this.sessions.resolve(readCookies(request).get(SESSION_COOKIE));
    if (session) {
      response.redirect(303, safeNext(next));
      return;
    }
    const token = this.sessions.newSignInToken();
    response.setHeader('Set-Cookie', this.cookie(request, SIGN_IN_COOKIE, token, 1800));
    response.status(200).send(signInPage(token, safeNext(next), null));
  }

  @Post('sign-in')
  @Public()
  async signIn(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: { key?: unknown; next?: unknown; _csrf?: unknown } = {},
  ): Promise<void> {
    const next = safeNext(body.next);
    const expected = readCookies(request).get(SIGN_IN_COOKIE);
    if (!sameToken(typeof body._csrf === 'string' ? body._csrf : null, expected ?? null)) {
      const token = this.sessions.newSignInToken();
      response.setHeader('Set-Cookie', this.cookie(request, SIGN_IN_COOKIE, token, 1800));
      response
        .status(403)
        .send(
          signInPage(token, next, 'This sign-in form expired or came from elsewhere: try again.'),
        );
      return;
    }
    const session =
      typeof body.key === 'string' && body.key.length <= 200
        ? await this.sessions.signIn(body.key)
        : null;
    if (!session) {
      response
        .status(401)
        .send(signInPage(expected!, next, 'That API key is not valid (unknown or revoked).'));
      return;
    }
    if (session === 'researcher' || session === 'reviewer') {
      const scope = session === 'researcher' ? 'its bounty program’s API' : 'the review API';
      response
        .status(403)
        .send(
          signInPage(
            expected!,
            next,
            `A ${session} key works with ${scope} only: the console has no pages for it.`,
          ),
        );
      return;
    }
    response.setHeader('Set-Cookie', [
      this.cookie(request, SESSION_COOKIE, session.token, this.sessions.lifetimeSeconds),
      this.cookie(request, SIGN_IN_COOKIE, '', 0),
    ]);
    response.redirect(303, next === '/console' ? (HOME[session.principal.role] ?? next) : next);
  }

  @Post('sign-out')
  @ConsoleRoute()
  async signOut(
    @CurrentViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sessions.signOut(viewer.principal, readCookies(request).get(SESSION_COOKIE));
    response.setHeader('Set-Cookie', this.cookie(request, SESSION_COOKIE, '', 0));
    response.redirect(303, '/console/sign-in');
  }

  /** The stylesheet and the script, cached for a year under their content hash. */
  @Get('assets/:name')
  @Public()
  asset(@Param('name') name: string, @Query('v') v: string | undefined, @Res() response: Response) {
    const asset = ASSETS[name as keyof typeof ASSETS];
    if (!asset) {
      response.status(404).type('text/plain').send('not found');
      return;
    }
    response
      .status(200)
      .setHeader('Content-Type', asset.type)
      .setHeader(
        'Cache-Control',
        v === asset.v ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      )
      .send(asset.body);
  }

  private cookie(request: Request, name: string, value: string, maxAgeSeconds: number): string {
    return cookieHeader(name, value, { maxAgeSeconds, secure: isHttps(this.config, request) });
  }
}
