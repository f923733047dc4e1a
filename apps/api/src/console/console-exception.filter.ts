import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { ProblemDetailsFilter } from '../common/problem-details.filter';
import { ProblemException } from '../common/problem.exception';
import type { ConsoleSession } from './auth/console-sessions.service';
import { CONSOLE_CSP } from './console-http';
import { html } from './views/html';
import { page } from './views/layout';

type ConsoleRequest = Request & { principal?: Principal; consoleSession?: ConsoleSession };

/**
 * Errors of console routes as pages: no session → the sign-in page (303, back here afterwards);
 * anything else → an HTML page with the status and the API's own words (its field errors too).
 * A script asking for JSON (the upload) gets the API's problem+json.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();
  private readonly logger = new Logger('console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (/application\/(problem\+)?json/.test(String(request.headers.accept ?? ''))) {
      this.problems.catch(exception, host);
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 401) {
      const next = request.method === 'GET' ? request.originalUrl : '/console';
      response.redirect(303, `/console/sign-in?next=${encodeURIComponent(next)}`);
      return;
    }
    if (status >= 500)
      this.logger.error(
        `${request.method} ${request.path} failed: ${String((exception as Error)?.stack ?? exception)}`,
      );
    const detail =
      exception instanceof ProblemException
        ? exception.detail
        : status >= 500
          ? 'unexpected error'
          : exception instanceof HttpException
            ? exception.message
            : 'error';
    const errors = exception instanceof ProblemException ? exception.errors : [];
    const title = exception instanceof ProblemException ? exception.title : `Error ${status}`;
    const viewer =
      request.principal && request.consoleSession
        ? { principal: request.principal, csrfToken: request.consoleSession.csrfToken }
        : null;
    const body = html`<div class="notice error" role="alert">
        <p><b>${status}</b> ${detail}</p>
        ${
          errors.length
            ? html`<ul>
                ${errors.map((e) => html`<li><code>${e.field}</code>: ${e.reason}</li>`)}
              </ul>`
            : ''
        }
      </div>
      <p><a href="/console">Back to the console</a></p>`;
    response
      .status(status)
      .setHeader('Content-Security-Policy', CONSOLE_CSP)
      .setHeader('Cache-Control', 'no-store')
      .type('text/html')
      .send(page({ title, section: null, viewer, body }));
  }
}
