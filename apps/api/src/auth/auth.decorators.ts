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

export const CONSOLE_ROUTE = 'lastmile:console';

/**
 * A console page or form: its caller is the browser's session (cookie), not a bearer key; writes
 * need the session's CSRF token. Roles and tenant scope stay the API's (see SameRolesAs).
 */
export const ConsoleRoute = () => SetMetadata(CONSOLE_ROUTE, true);

/**
 * The roles an API handler allows: its own @Roles, else its controller's (undefined: any valid
 * key). Pass the controller for handlers whose roles are set on the class.
 */
export const rolesOf = (apiHandler: object, controller?: object): Role[] | undefined =>
  Reflect.getMetadata(ROLES, apiHandler) ??
  (controller ? Reflect.getMetadata(ROLES, controller) : undefined);

/**
 * A console action allowed to exactly the roles of the API route it stands for: the console
 * never keeps its own list (`@SameRolesAs(AlertsController.prototype.acknowledge)`).
 */
export const SameRolesAs = (apiHandler: object, controller?: object) =>
  SetMetadata(ROLES, rolesOf(apiHandler, controller));

/** Whether a caller's role may use an API handler (a console hides links it may not follow). */
export const mayUse = (role: Role, apiHandler: object, controller?: object): boolean =>
  rolesOf(apiHandler, controller)?.includes(role) ?? true;
