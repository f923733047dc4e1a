import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE, RUNS_QUEUE } from '@lastmile/queue';
import { queueDepth } from '@lastmile/telemetry';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Jobs per queue and state, for the runner-health dashboard. */
@Injectable()
export class QueueDepthCollector {
  constructor(
    @InjectQueue(RUNS_QUEUE) private readonly runs: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notifications: Queue,
  ) {}

  @Interval(15_000)
  async collect(): Promise<void> {
    for (const queue of [this.runs, this.notifications]) {
      const counts = await queue.getJobCounts(...STATES).catch(() => null);
      if (!counts) continue;
      for (const state of STATES) queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
    }
  }
}
