import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { secretCipherFor, SecretsStore } from '@lastmile/persistence';
import { APP_CONFIG } from '../config.token';

export const secretsStoreProvider: Provider = {
  provide: SecretsStore,
  inject: [DataSource, APP_CONFIG],
  useFactory: (dataSource: DataSource, config: AppConfig) =>
    new SecretsStore(dataSource, secretCipherFor(config)),
};
