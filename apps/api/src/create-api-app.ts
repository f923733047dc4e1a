import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { PinoNestLogger } from '@lastmile/telemetry';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { serveFavicon } from './common/favicon';
import { httpMetricsMiddleware } from './observability/http-metrics.middleware';
import { createOpenApiDocument } from './openapi/openapi-document';

/** Builds the API application (not listening yet): used by `lastmile serve` and by the e2e tests. */
export async function createApiApp(options: ApiModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(options), {
    logger: new PinoNestLogger(),
    bodyParser: false,
  });
  // JSON bodies are small; slice uploads go through their own multipart limits.
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  const document = createOpenApiDocument(app, options.config.LASTMILE_PUBLIC_URL);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customfavIcon: '/favicon.ico',
  });
  serveFavicon(app);
  return app;
}
