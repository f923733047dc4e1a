import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@lastmile/persistence';
import { ProblemException } from '../common/problem.exception';
import { PUBLIC_ROUTE, ROLES } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';

/** Roles that reach only the routes naming them (never a route open to any valid key). */
const ROUTE_LISTED_ONLY: ReadonlySet<Role> = new Set<Role>(['researcher', 'reviewer']);

/** Global guard: a valid bearer key (401 otherwise) with an allowed role (403 otherwise). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match)
      throw new ProblemException(
        401,
        'Unauthorized',
        'send an API key as "Authorization: Bearer <key>"',
      );
    const principal = await this.keys.resolve(match[1]);
    if (!principal) throw new ProblemException(401, 'Unauthorized', 'the API key is not valid');
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
}
