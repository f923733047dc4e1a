import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@lastmile/persistence';
import { ProblemException } from '../common/problem.exception';
import { PUBLIC_ROUTE, ROLES } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';

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
    // A reviewer key reaches only the routes that name its role (the review queue): a route
    // open to "any valid key" means any key of the operator or a customer.
    const allowed = roles ?? (principal.role === 'reviewer' ? [] : undefined);
    if (allowed && !allowed.includes(principal.role)) {
      throw new ProblemException(
        403,
        'Forbidden',
        allowed.length
          ? `this action needs one of the roles: ${allowed.join(', ')}`
          : `a ${principal.role} key may use the review routes only`,
      );
    }
    return true;
  }
}
