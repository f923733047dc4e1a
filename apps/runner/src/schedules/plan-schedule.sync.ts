import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Plan } from '@lastmile/persistence';
import { JOB_SCHEDULED_RUN, planSchedulerId, RUNS_QUEUE } from '@lastmile/queue';
import { logger } from '@lastmile/telemetry';

/**
 * Reconciles BullMQ job schedulers with the plans table (the API updates them on every change;
 * this repairs drift, e.g. a change made while the queue was down). One runner at a time.
 */
@Injectable()
export class PlanScheduleSync implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.sync();
  }

  @Interval(60_000)
  async sync(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query(
          "SELECT pg_try_advisory_xact_lock(hashtext('lastmile:schedule-sync')) AS locked",
        );
        if (!locked) return;
        const plans = await manager.getRepository(Plan).find();
        const wanted = new Map(
          plans
            .filter((p) => p.cron && p.enabled && !p.deletedAt)
            .map((p) => [planSchedulerId(p.id), p]),
        );
        for (const scheduler of await this.queue.getJobSchedulers()) {
          const id = scheduler.key ?? (scheduler as { id?: string }).id;
          if (id?.startsWith('plan:') && !wanted.has(id)) await this.queue.removeJobScheduler(id);
        }
        for (const [id, plan] of wanted) {
          await this.queue.upsertJobScheduler(
            id,
            { pattern: plan.cron!, tz: plan.timezone },
            { name: JOB_SCHEDULED_RUN, data: { planId: plan.id } },
          );
        }
      });
    } catch (error) {
      logger().warn({ err: error }, 'schedule sync failed; retrying at the next interval');
    }
  }
}
