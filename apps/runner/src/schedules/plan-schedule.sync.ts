import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { Database } from '@lastmile/persistence';
import { planSchedulerId, RUNS_QUEUE, upsertPlanScheduler } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';

/**
 * Reconciles BullMQ job schedulers with the plans table (the API updates them on every change;
 * this repairs drift, e.g. a change made while the queue was down). One runner at a time.
 */
@Injectable()
export class PlanScheduleSync implements OnApplicationBootstrap {
  constructor(
    private readonly database: Database,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.sync();
  }

  @Interval(60_000)
  async sync(): Promise<void> {
    try {
      await this.database.transaction(async (stores) => {
        if (!(await stores.tryLock('lastmile:schedule-sync'))) return;
        const wanted = new Map(
          (await stores.plans.scheduled()).map((p) => [planSchedulerId(p.id), p]),
        );
        for (const scheduler of await this.queue.getJobSchedulers()) {
          const id = scheduler.key ?? (scheduler as { id?: string }).id;
          if (id?.startsWith('plan:') && !wanted.has(id)) await this.queue.removeJobScheduler(id);
        }
        for (const plan of wanted.values()) await upsertPlanScheduler(this.queue, plan);
      });
    } catch (error) {
      logger().warn({ err: error }, 'schedule sync failed; retrying at the next interval');
    }
  }
}
