import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { RUNS_QUEUE } from '@lastmile/queue';
import { queueDepth } from '@lastmile/telemetry';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

@Injectable()
export class QueueDepthCollector {
  constructor(@InjectQueue(RUNS_QUEUE) private readonly runs: Queue) {}

  @Interval(15_000)
  async collect(): Promise<void> {
    const counts = await this.runs.getJobCounts(...STATES).catch(() => null);
    if (!counts) return;
    for (const state of STATES) queueDepth.set({ queue: RUNS_QUEUE, state }, counts[state] ?? 0);
  }
}
