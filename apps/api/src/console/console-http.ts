import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import type { ConsoleSession } from './auth/console-sessions.service';
import type { Viewer } from './views/layout';

/**
 * Console pages: scripts and styles from this origin only, no inline script, no framing, forms
 * post here only; pages are never cached (they show one caller's data).
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

@Injectable()
export class ConsoleHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', CONSOLE_CSP);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('X-Frame-Options', 'DENY');
    return next.handle();
  }
}

/** The signed-in caller of a console route (the guard resolved it from the session cookie). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context
    .switchToHttp()
    .getRequest<{ principal: Principal; consoleSession: ConsoleSession }>();
  const viewer: Viewer = {
    principal: request.principal,
    csrfToken: request.consoleSession.csrfToken,
  };
  return viewer;
});

const FORM_LIMIT = 64 * 1024;

/**
 * Parses the console's url-encoded form posts (sign-in, notes, pins) into req.body, before the
 * guard checks their CSRF token; the API's own routes keep their JSON-only bodies.
 */
export function consoleFormParser(request: Request, response: Response, next: NextFunction): void {
  const type = String(request.headers['content-type'] ?? '');
  if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) {
    next();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > FORM_LIMIT && !refused) {
      refused = true;
      response.status(413).type('text/plain').send('form too large');
      request.destroy();
      return;
    }
    if (!refused) chunks.push(chunk);
  });
  request.on('end', () => {
    if (refused) return;
    const body: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
      if (!(name in body)) body[name] = value;
    (request as Request & { body: unknown }).body = body;
    next();
  });
  request.on('error', next);
}
