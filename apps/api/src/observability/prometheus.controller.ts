import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { registry } from '@lastmile/telemetry';
import { Public } from '../auth/auth.decorators';

@ApiExcludeController()
@Controller('metrics')
export class PrometheusController {
  @Public()
  @Get()
  @Header('Content-Type', registry.contentType)
  scrape(): Promise<string> {
    return registry.metrics();
  }
}
