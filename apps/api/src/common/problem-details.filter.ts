import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUntranslatableCharacter } from './postgres-errors';
import { ProblemException } from './problem.exception';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

/** Every error leaves as application/problem+json (RFC 9457); unexpected ones without internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.toProblem(exception);
    const retryAfter =
      exception instanceof ProblemException ? exception.retry.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (problem.status >= 500) {
      this.logger.error(
        `${request.method} ${request.path} failed: ${String((exception as Error)?.stack ?? exception)}`,
      );
    }
    response
      .status(problem.status)
      .type('application/problem+json')
      .json({ type: 'about:blank', instance: request.originalUrl?.split('?')[0], ...problem });
  }

  private toProblem(exception: unknown): {
    status: number;
    title: string;
    detail: string;
    errors?: unknown[];
  } {
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      const errors = exception.errors.length > 0 ? { errors: exception.errors } : {};
      return { status, title: exception.title, detail: exception.detail, ...errors };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : ((body as { message?: unknown }).message ?? exception.message);
      return {
        status,
        title: TITLES[status] ?? 'Error',
        detail: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    // Body-parser errors carry their own status (413 for too large, 400 for broken JSON).
    const parserStatus = (exception as { status?: number; type?: string })?.status;
    if (parserStatus && parserStatus >= 400 && parserStatus < 500) {
      const detail =
        parserStatus === 413
          ? 'request body exceeds the size limit'
          : 'request body is not valid JSON';
      return { status: parserStatus, title: TITLES[parserStatus] ?? 'Bad Request', detail };
    }
    if (isUntranslatableCharacter(exception)) {
      return {
        status: 400,
        title: 'Bad Request',
        detail: 'text must not contain NUL characters (U+0000)',
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      title: 'Internal Server Error',
      detail: 'unexpected error',
    };
  }
}
