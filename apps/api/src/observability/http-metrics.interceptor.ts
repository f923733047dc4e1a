import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, type Observable } from 'rxjs';
import { httpRequestDuration } from '@lastmile/telemetry';

/** Latency per route template (not per URL, so ids don't explode the label set). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = httpRequestDuration.startTimer();
    return next.handle().pipe(
      finalize(() => {
        const route = (request.route?.path as string | undefined) ?? 'unmatched';
        stop({ method: request.method, route, status: String(http.getResponse<Response>().statusCode) });
      }),
    );
  }
}
