import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@lastmile/persistence';
import { ProblemException } from '../common/problem.exception';
import { readCookies, SESSION_COOKIE } from '../console/auth/console-cookies';
import { ConsoleSessionsService, sameToken } from '../console/auth/console-sessions.service';
import { CONSOLE_ROUTE, PUBLIC_ROUTE, ROLES } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import type { Principal } from './principal';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Roles that reach only the routes naming them (never a route open to any valid key). */
const ROUTE_LISTED_ONLY: ReadonlySet<Role> = new Set<Role>(['researcher', 'reviewer']);

/**
 * Global guard: a valid bearer key (401 otherwise) with an allowed role (403 otherwise). Console
 * routes take their caller from the session cookie instead (and a write needs the session's CSRF
 * token); a console session may also read (GET) the API as its key, so the console can link to a
 * run report. Either way the caller is one Principal, and roles are checked by the same lines.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const principal = this.reflector.getAllAndOverride<boolean>(CONSOLE_ROUTE, targets)
      ? await this.consoleCaller(request)
      : await this.apiCaller(request);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // A researcher key (an outsider in a bias bounty) and a reviewer key (the review queue) reach
    // only routes that name their role: a route open to "any valid key" means any key of the
    // operator or a customer.
    const allowed = roles ?? (ROUTE_LISTED_ONLY.has(principal.role) ? [] : undefined);
    if (allowed && !allowed.includes(principal.role)) {
      throw new ProblemException(
        403,
        'Forbidden',
        allowed.length
          ? `this action needs one of the roles: ${allowed.join(', ')}`
          : principal.role === 'reviewer'
            ? `a ${principal.role} key may use the review routes only`
            : `a ${principal.role} key may use the bounty routes of its program only`,
      );
    }
    return true;
  }

  private async apiCaller(request: GuardedRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined && SAFE_METHODS.has(request.method)) {
      const session = await this.sessions.resolve(readCookies(request).get(SESSION_COOKIE));
      if (session) return session.principal;
    }
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match)
      throw new ProblemException(
        401,
        'Unauthorized',
        'send an API key as "Authorization: Bearer <key>"',
      );
    const principal = await this.keys.resolve(match[1]);
    if (!principal) throw new ProblemException(401, 'Unauthorized', 'the API key is not valid');
    return principal;
  }

  private async consoleCaller(request: GuardedRequest): Promise<Principal> {
    const session = await this.sessions.resolve(readCookies(request).get(SESSION_COOKIE));
    if (!session) throw new ProblemException(401, 'Unauthorized', 'sign in to the console first');
    if (!SAFE_METHODS.has(request.method)) {
      const sent =
        request.headers['x-csrf-token'] ?? request.body?._csrf ?? request.query?._csrf ?? null;
      if (!sameToken(typeof sent === 'string' ? sent : null, session.csrfToken))
        throw new ProblemException(
          403,
          'Forbidden',
          'this form is out of date or was not sent by the console (CSRF token missing or wrong): reload the page and try again',
        );
    }
    request.consoleSession = session;
    return session.principal;
  }
}

interface GuardedRequest {
  method: string;
  headers: Record<string, string | undefined>;
  body?: { _csrf?: unknown };
  query?: { _csrf?: unknown };
  consoleSession?: unknown;
}
