import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { registry } from '@lastmile/telemetry';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { ApiEndpoint } from '../common/api-endpoint.decorator';

@ApiTags('observability')
@Controller('metrics')
export class PrometheusController {
  @Public()
  // Probes and scrapers poll on their own schedule; the rate limit is for API clients.
  @SkipThrottle()
  @Get()
  @Header('Content-Type', registry.contentType)
  @ApiEndpoint({
    summary: 'Scrape Prometheus metrics',
    description:
      'Request latency by route template and status, queue and process metrics, in the Prometheus text exposition format 0.0.4.',
    responses: [
      {
        status: 200,
        description: 'The metrics.',
        mediaType: 'text/plain',
        schema: z.string(),
      },
    ],
  })
  scrape(): Promise<string> {
    return registry.metrics();
  }
}
