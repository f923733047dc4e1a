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

export const CONSOLE_ROUTE = 'lastmile:console';

/**
 * A console page or form: its caller is the browser's session (cookie), not a bearer key; writes
 * need the session's CSRF token. Roles and tenant scope stay the API's (see SameRolesAs).
 */
export const ConsoleRoute = () => SetMetadata(CONSOLE_ROUTE, true);

/** The roles an API handler allows (undefined: any valid key). */
export const rolesOf = (apiHandler: object): Role[] | undefined =>
  Reflect.getMetadata(ROLES, apiHandler);

/**
 * A console action allowed to exactly the roles of the API route it stands for: the console
 * never keeps its own list (`@SameRolesAs(AlertsController.prototype.acknowledge)`).
 */
export const SameRolesAs = (apiHandler: object) => SetMetadata(ROLES, rolesOf(apiHandler));

/** Whether a caller's role may use an API handler (a console hides links it may not follow). */
export const mayUse = (role: Role, apiHandler: object): boolean =>
  rolesOf(apiHandler)?.includes(role) ?? true;
