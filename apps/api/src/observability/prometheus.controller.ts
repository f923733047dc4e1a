import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { registry } from '@lastmile/telemetry';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';

@ApiExcludeController()
@Controller('metrics')
export class PrometheusController {
  @Public()
  // Probes and scrapers poll on their own schedule; the rate limit is for API clients.
  @SkipThrottle()
  @Get()
  @Header('Content-Type', registry.contentType)
  scrape(): Promise<string> {
    return registry.metrics();
  }
}
