import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@lastmile/persistence';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'lastmile:public';
export const ROLES = 'lastmile:roles';

/** No key needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Roles allowed on a route; without it, any valid key passes. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest().principal;
});
