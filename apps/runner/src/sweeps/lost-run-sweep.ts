import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '@lastmile/config';
import { sweepLostRuns, type LostRunsOutcome } from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import { RUNS_QUEUE } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';
import { RUNNER_CONFIG } from '../runner.tokens';

/**
 * At start-up and every LASTMILE_LOST_RUN_SWEEP_SECONDS, on one runner at a time: runs whose job
 * was lost (a crash between the API's commit and its enqueue, a queue that lost its jobs) are
 * queued again or failed with the reason.
 */
@Injectable()
export class LostRunSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
    @Inject(RUNNER_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(
      () => void this.sweep(),
      this.config.LASTMILE_LOST_RUN_SWEEP_SECONDS * 1000,
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<LostRunsOutcome> {
    try {
      return await sweepLostRuns(
        this.database,
        this.queue,
        this.config.LASTMILE_LOST_RUN_GRACE_SECONDS,
      );
    } catch (error) {
      logger().warn({ err: error }, 'lost-run sweep failed; retrying at the next interval');
      return { requeued: [], failed: [] };
    }
  }
}
