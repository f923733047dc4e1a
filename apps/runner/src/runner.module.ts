import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import {
  AdapterPool,
  adapterPoolFor,
  DriftMonitor,
  ReviewSampler,
  RunExecutor,
  type RunFinishedListener,
} from '@lastmile/evaluation';
import { Database, secretCipherFor } from '@lastmile/persistence';
import { NOTIFICATIONS_QUEUE, RUNS_QUEUE, type QueueConnection } from '@lastmile/queue';
import { monitoringProviders } from './monitoring/monitoring.providers';
import { QueueDepthCollector } from './observability/queue-depth.collector';
import { configureRunWorker, RunProcessor } from './runs/run.processor';
import { PlanScheduleSync } from './schedules/plan-schedule.sync';
import { LostRunSweep } from './sweeps/lost-run-sweep';
import { RUN_FINISHED_LISTENERS, RUNNER_CONFIG } from './runner.tokens';

export interface RunnerModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  queue: QueueConnection;
  harnessVersion: string;
  listeners?: RunFinishedListener[];
}

/** Nest wiring of the runner: the engine (@lastmile/evaluation) behind processors and schedules. */
@Module({})
export class RunnerModule {
  static register(options: RunnerModuleOptions): DynamicModule {
    configureRunWorker(options.config);
    return {
      module: RunnerModule,
      imports: [
        ScheduleModule.forRoot(),
        BullModule.forRoot({ connection: options.queue.connection }),
        BullModule.registerQueue({ name: RUNS_QUEUE }),
        BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
      ],
      providers: [
        { provide: RUNNER_CONFIG, useValue: options.config },
        {
          provide: Database,
          useFactory: () => new Database(options.dataSource, secretCipherFor(options.config)),
        },
        ...monitoringProviders(options.config),
        {
          provide: ReviewSampler,
          inject: [Database],
          useFactory: (database: Database) =>
            new ReviewSampler(database, {
              perRun: options.config.LASTMILE_REVIEW_SAMPLE_PER_RUN,
            }),
        },
        // Drift monitoring after every run, review sampling of judged runs, then the caller's.
        {
          provide: RUN_FINISHED_LISTENERS,
          inject: [DriftMonitor, ReviewSampler],
          useFactory: (monitor: DriftMonitor, sampler: ReviewSampler) => [
            monitor.listener,
            sampler.listener,
            ...(options.listeners ?? []),
          ],
        },
        { provide: AdapterPool, useFactory: () => adapterPoolFor(options.config) },
        {
          provide: RunExecutor,
          inject: [Database, AdapterPool, RUN_FINISHED_LISTENERS],
          useFactory: (
            database: Database,
            adapters: AdapterPool,
            listeners: RunFinishedListener[],
          ) =>
            new RunExecutor(database, adapters, {
              listeners,
              harnessVersion: options.harnessVersion,
              quota: {
                runsPerHour: options.config.LASTMILE_TENANT_RUNS_PER_HOUR,
                modelCallsPerHour: options.config.LASTMILE_TENANT_MODEL_CALLS_PER_HOUR,
              },
            }),
        },
        RunProcessor,
        PlanScheduleSync,
        LostRunSweep,
        QueueDepthCollector,
      ],
    };
  }
}
