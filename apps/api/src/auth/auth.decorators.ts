import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@lastmile/persistence';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'lastmile:public';
export const ROLES = 'lastmile:roles';

// The OpenAPI document reads the same decorators the guard reads (openapi/finalize-document.ts):
// a public route gets `security: []`, a route with roles its 403 and the roles it takes.
export const PUBLIC_EXTENSION = 'x-lastmile-public';
export const ROLES_EXTENSION = 'x-lastmile-roles';

/** No key needed (health, metrics, docs). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));

/** Roles allowed on a route; without it, any valid key passes. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiExtension(ROLES_EXTENSION, roles));

export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest().principal;
});
