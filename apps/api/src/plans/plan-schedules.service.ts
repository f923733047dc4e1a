import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Plan } from '@lastmile/persistence';
import {
  JOB_SCHEDULED_RUN,
  planSchedulerId,
  RUNS_QUEUE,
  type ScheduledRunJob,
} from '@lastmile/queue';

/** A plan's cron is a BullMQ job scheduler: it fires once however many runners listen. */
@Injectable()
export class PlanSchedulesService {
  constructor(@InjectQueue(RUNS_QUEUE) private readonly queue: Queue) {}

  async sync(plan: Plan): Promise<void> {
    const id = planSchedulerId(plan.id);
    if (!plan.cron || !plan.enabled || plan.deletedAt) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    const data: ScheduledRunJob = { planId: plan.id };
    await this.queue.upsertJobScheduler(
      id,
      { pattern: plan.cron, tz: plan.timezone },
      { name: JOB_SCHEDULED_RUN, data },
    );
  }
}
