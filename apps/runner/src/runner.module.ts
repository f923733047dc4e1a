import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { NOTIFICATIONS_QUEUE, RUNS_QUEUE, type QueueConnection } from '@lastmile/queue';
import { DriftMonitor } from './monitoring/drift-monitor';
import { monitoringProviders } from './monitoring/monitoring.providers';
import { QueueDepthCollector } from './observability/queue-depth.collector';
import { AdapterPool, adapterPoolFor } from './runs/adapter-pool';
import { RunExecutor, type RunFinishedListener } from './runs/run-executor';
import { RunProcessor } from './runs/run.processor';
import { PlanScheduleSync } from './schedules/plan-schedule.sync';
import { RUN_FINISHED_LISTENERS } from './runner.tokens';

export interface RunnerModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  queue: QueueConnection;
  harnessVersion: string;
  listeners?: RunFinishedListener[];
}

@Module({})
export class RunnerModule {
  static register(options: RunnerModuleOptions): DynamicModule {
    return {
      module: RunnerModule,
      imports: [
        ScheduleModule.forRoot(),
        BullModule.forRoot({ connection: options.queue.connection }),
        BullModule.registerQueue({ name: RUNS_QUEUE }),
        BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
      ],
      providers: [
        { provide: DataSource, useValue: options.dataSource },
        ...monitoringProviders(options.config),
        // Drift monitoring after every run, then any listener the caller adds.
        {
          provide: RUN_FINISHED_LISTENERS,
          inject: [DriftMonitor],
          useFactory: (monitor: DriftMonitor) => [monitor.listener, ...(options.listeners ?? [])],
        },
        {
          provide: AdapterPool,
          useFactory: () => adapterPoolFor(options.config),
        },
        {
          provide: RunExecutor,
          inject: [AdapterPool, RUN_FINISHED_LISTENERS],
          useFactory: (adapters: AdapterPool, listeners: RunFinishedListener[]) =>
            new RunExecutor(options.dataSource, adapters, listeners, options.harnessVersion, {
              runsPerHour: options.config.LASTMILE_TENANT_RUNS_PER_HOUR,
              modelCallsPerHour: options.config.LASTMILE_TENANT_MODEL_CALLS_PER_HOUR,
            }),
        },
        RunProcessor,
        PlanScheduleSync,
        QueueDepthCollector,
      ],
    };
  }
}
