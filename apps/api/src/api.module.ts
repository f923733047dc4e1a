import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { RedisOptions } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { NOTIFICATIONS_QUEUE, RUNS_QUEUE, type QueueConnection } from '@lastmile/queue';
import { AlertNotifier } from './alerts/alert-notifier';
import { AlertsController, FindingsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { AdminKeyBootstrap } from './auth/admin-key.bootstrap';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysService } from './auth/api-keys.service';
import { PrincipalRateLimitGuard } from './auth/principal-rate-limit.guard';
import { RedisThrottlerStorage } from './auth/redis-throttler-storage';
import { BaselinesController } from './baselines/baselines.controller';
import { BaselinesService } from './baselines/baselines.service';
import { BountiesController } from './bounties/bounties.controller';
import { BountiesService } from './bounties/bounties.service';
import { BountySubmissionsService } from './bounties/bounty-submissions.service';
import { BountyVerifier } from './bounties/bounty-verifier';
import { CardsService } from './cards/cards.service';
import { ModelCardsController } from './cards/model-cards.controller';
import { AuditService } from './common/audit.service';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { APP_CONFIG } from './config.token';
import { CONSOLE_CONTROLLERS, CONSOLE_PROVIDERS } from './console/console.parts';
import { DatabaseModule } from './database/database.module';
import { FailingChannelsProbe } from './health/failing-channels.probe';
import { HealthController } from './health/health.controller';
import { LegacySecretsProbe } from './health/legacy-secrets.probe';
import { KeysController } from './keys/keys.controller';
import { ModelsController } from './models/models.controller';
import { ModelsService } from './models/models.service';
import { PrometheusController } from './observability/prometheus.controller';
import { PlanSchedulesService } from './plans/plan-schedules.service';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsService } from './reviews/reviews.service';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';
import { ScenariosController } from './scenarios/scenarios.controller';
import { OperatorSecretsController, TenantSecretsController } from './secrets/secrets.controller';
import { SecretsService } from './secrets/secrets.service';
import { serverPolicyProvider } from './security/server-policy.provider';
import { ScenariosService } from './scenarios/scenarios.service';
import { SlicesController } from './slices/slices.controller';
import { SlicesService } from './slices/slices.service';
import { TenantsController } from './tenants/tenants.controller';
import { TenantsService } from './tenants/tenants.service';

export interface ApiModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  queue: QueueConnection;
}

@Module({})
export class ApiModule {
  static register({ config, dataSource, queue }: ApiModuleOptions): DynamicModule {
    // With Redis (the scale-out path) every API replica counts the same rate-limit budget.
    const rateLimitStorage =
      queue.kind === 'redis'
        ? new RedisThrottlerStorage(queue.connection as RedisOptions)
        : undefined;
    return {
      module: ApiModule,
      imports: [
        DatabaseModule.forDataSource(dataSource, config),
        BullModule.forRoot({ connection: queue.connection }),
        BullModule.registerQueue({ name: RUNS_QUEUE }),
        BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.LASTMILE_RATE_LIMIT_PER_MINUTE }],
          ...(rateLimitStorage ? { storage: rateLimitStorage } : {}),
        }),
      ],
      controllers: [
        HealthController,
        PrometheusController,
        TenantsController,
        KeysController,
        ModelsController,
        ModelCardsController,
        ScenariosController,
        PlansController,
        RunsController,
        SlicesController,
        AlertsController,
        FindingsController,
        BaselinesController,
        TenantSecretsController,
        OperatorSecretsController,
        BountiesController,
        ...CONSOLE_CONTROLLERS,
        ReviewsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Registered so that Nest closes its connection on shutdown.
        ...(rateLimitStorage
          ? [{ provide: RedisThrottlerStorage, useValue: rateLimitStorage }]
          : []),
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: PrincipalRateLimitGuard },
        serverPolicyProvider,
        SecretsService,
        ApiKeysService,
        AdminKeyBootstrap,
        AuditService,
        FailingChannelsProbe,
        LegacySecretsProbe,
        TenantsService,
        ModelsService,
        ScenariosService,
        PlansService,
        PlanSchedulesService,
        RunsService,
        SlicesService,
        AlertsService,
        AlertNotifier,
        BaselinesService,
        CardsService,
        BountiesService,
        BountySubmissionsService,
        BountyVerifier,
        ...CONSOLE_PROVIDERS,
        ReviewsService,
      ],
    };
  }
}
