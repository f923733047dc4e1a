import type { NestExpressApplication } from '@nestjs/platform-express';

export interface AppRoute {
  method: string;
  /** Express path template, e.g. /v1/plans/:id */
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running app serves, read from the Express router itself: it includes routes
 * mounted outside Nest's controllers (Swagger's), and cannot drift from what is really served.
 */
export function listRoutes(app: NestExpressApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance();
  // Express 5 exposes `router`; Express 4 kept it in `_router`. Its typings omit `route.methods`.
  const router = express.router ?? express._router;
  const stack = router?.stack as unknown as Layer[] | undefined;
  if (!stack)
    throw new Error('the Express router stack was not found: has the Express major changed?');
  const routes = stack.flatMap(({ route }) => {
    if (!route) return [];
    const paths = Array.isArray(route.path) ? route.path : [route.path];
    const methods = Object.keys(route.methods).filter((method) => route.methods[method]);
    return paths.flatMap((path) =>
      methods.map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  const unique = new Map(routes.map((route) => [routeKey(route), route]));
  return [...unique.values()];
}

/** "GET /v1/plans/:id" */
export const routeKey = (route: AppRoute) => `${route.method} ${route.path}`;

/** /v1/plans/:id -> /v1/plans/{id}, as OpenAPI writes it. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
