import type { Provider } from '@nestjs/common';
import { ServerPolicy } from '@lastmile/adapters';
import { RESERVED_ENV_NAMES, type AppConfig } from '@lastmile/config';
import { APP_CONFIG } from '../config.token';

/** Injection token of the ServerPolicy: what API input may name on this server. */
export const SERVER_POLICY = Symbol('SERVER_POLICY');

export const serverPolicyProvider: Provider = {
  provide: SERVER_POLICY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new ServerPolicy(config, RESERVED_ENV_NAMES),
};
