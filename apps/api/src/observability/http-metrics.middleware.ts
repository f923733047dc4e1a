import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from '@lastmile/telemetry';

/**
 * Latency of every response, refused ones (401, 403, 429) included, by route template rather
 * than URL so ids don't explode the label set. A middleware, because guards run before interceptors.
 */
export function httpMetricsMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const stop = httpRequestDuration.startTimer();
  response.on('finish', () => {
    const route = (request.route?.path as string | undefined) ?? 'unmatched';
    stop({ method: request.method, route, status: String(response.statusCode) });
  });
  next();
}
