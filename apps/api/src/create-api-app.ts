import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PinoNestLogger } from '@lastmile/telemetry';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { consoleFormParser } from './console/console-http';
import { httpMetricsMiddleware } from './observability/http-metrics.middleware';

/** Builds the API application (not listening yet): used by `lastmile serve` and by the e2e tests. */
export async function createApiApp(options: ApiModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(options), {
    logger: new PinoNestLogger(),
    bodyParser: false,
  });
  // JSON bodies are small; slice uploads go through their own multipart limits.
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: '1mb' });
  // The console's HTML forms (url-encoded), parsed for /console only.
  app.use('/console', consoleFormParser);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lastmile API')
      .setDescription('Continuous model evaluation with last-mile monitoring')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
