import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { sweepLostRuns, type LostRunsOutcome } from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import { RUNS_QUEUE } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';

/** Every 20 s, on one runner at a time: runs whose job was lost are requeued or failed. */
@Injectable()
export class LostRunSweep {
  constructor(
    private readonly database: Database,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
  ) {}

  @Interval(20_000)
  async sweep(): Promise<LostRunsOutcome> {
    try {
      return await sweepLostRuns(this.database, this.queue);
    } catch (error) {
      logger().warn({ err: error }, 'lost-run sweep failed; retrying at the next interval');
      return { requeued: [], failed: [] };
    }
  }
}
