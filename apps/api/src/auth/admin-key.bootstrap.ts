import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@lastmile/config';
import { APP_CONFIG } from '../config.token';
import { ApiKeysService } from './api-keys.service';

/** LASTMILE_ADMIN_KEY becomes an admin key on start, once. */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly keys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.LASTMILE_ADMIN_KEY) return;
    if (await this.keys.ensure(this.config.LASTMILE_ADMIN_KEY, 'admin')) {
      this.logger.log('created the admin key given in LASTMILE_ADMIN_KEY');
    }
  }
}
