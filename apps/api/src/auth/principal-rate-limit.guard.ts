import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { AppConfig } from '@lastmile/config';
import { ProblemException } from '../common/problem.exception';
import { APP_CONFIG } from '../config.token';
import { PUBLIC_ROUTE } from './auth.decorators';
import type { Principal } from './principal';

const WINDOW_MS = 60_000;

/** Whose budget a request spends: a customer tenant's keys share one; other keys have their own. */
export function rateLimitSubject(principal: Principal): string {
  return principal.role === 'customer' && principal.tenantId
    ? `tenant:${principal.tenantId}`
    : `key:${principal.keyId}`;
}

/**
 * The API rate limit per key (and per customer tenant), on top of the per-address limit that runs
 * before authentication: a customer spreading requests over many addresses or keys still gets one
 * budget. Runs after ApiKeyGuard, which resolved the principal.
 */
@Injectable()
export class PrincipalRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const principal: Principal | undefined = context.switchToHttp().getRequest().principal;
    if (!principal) return true;
    const limit = this.config.LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE;
    const subject = rateLimitSubject(principal);
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `principal:${subject}`,
      WINDOW_MS,
      limit,
      0,
      'principal',
    );
    if (isBlocked) {
      const who = subject.startsWith('tenant:') ? "this tenant's keys" : 'this key';
      throw new ProblemException(
        429,
        'Too Many Requests',
        `${who} sent more than ${limit} requests in a minute (LASTMILE_RATE_LIMIT_PER_KEY_PER_MINUTE)`,
        [],
        { retryAfterSeconds: Math.max(1, timeToBlockExpire) },
      );
    }
    return true;
  }
}
