import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { isScheduled, type Plan } from '@lastmile/persistence';
import { planSchedulerId, RUNS_QUEUE, upsertPlanScheduler } from '@lastmile/queue';

/** A plan's cron is a BullMQ job scheduler: it fires once however many runners listen. */
@Injectable()
export class PlanSchedulesService {
  constructor(@InjectQueue(RUNS_QUEUE) private readonly queue: Queue) {}

  async sync(plan: Plan): Promise<void> {
    if (isScheduled(plan)) await upsertPlanScheduler(this.queue, plan);
    else await this.queue.removeJobScheduler(planSchedulerId(plan.id));
  }
}
