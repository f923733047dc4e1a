import { Controller, Get, Res } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import { Database } from '@lastmile/persistence';
import { RUNS_QUEUE } from '@lastmile/queue';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { ApiEndpoint } from '../common/api-endpoint.decorator';
import { healthSchema } from '../openapi/responses/health.response';
import { FailingChannelsProbe } from './failing-channels.probe';
import { LegacySecretsProbe } from './legacy-secrets.probe';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);

/** Liveness plus the two things a run needs: the database and the queue. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    @InjectQueue(RUNS_QUEUE) private readonly queue: Queue,
    private readonly channels: FailingChannelsProbe,
    private readonly legacySecrets: LegacySecretsProbe,
  ) {}

  @Public()
  // Probes and scrapers poll on their own schedule; the rate limit is for API clients.
  @SkipThrottle()
  @Get()
  @ApiEndpoint({
    summary: 'Check health',
    description:
      'Liveness plus what a run needs: the database and the queue (each probed with a 3 s timeout). Degraded: notification channels failing, or secrets still stored the legacy way (counts only; the ids are in the start-up log).',
    responses: [
      { status: 200, description: 'Up: ok or degraded.', schema: healthSchema },
      {
        status: 503,
        description: 'Down: the database or the queue is unreachable.',
        schema: healthSchema,
      },
    ],
  })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, queue] = await Promise.all([
      this.check(() => this.database.stores.ping()),
      this.check(() => this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed')),
    ]);
    const up = database.status === 'up';
    const [failingChannels, legacySecrets] = up
      ? await Promise.all([
          this.channels.failing().catch(() => []),
          this.legacySecrets.find().catch(() => []),
        ])
      : [[], []];
    const ok = up && queue.status === 'up';
    response.status(ok ? 200 : 503);
    return {
      status: ok ? (failingChannels.length || legacySecrets.length ? 'degraded' : 'ok') : 'down',
      process: { status: 'up', uptimeSeconds: Math.round(process.uptime()) },
      database,
      queue,
      notifications: { failingChannels },
      // Public route: counts only; the ids are in the start-up log.
      security: {
        legacySecrets: legacySecrets.map(({ problem, planIds, modelIds }) => ({
          problem,
          plans: planIds.length,
          models: modelIds.length,
        })),
      },
    };
  }

  private async check(
    probe: () => Promise<unknown>,
  ): Promise<{ status: 'up' | 'down'; error?: string; detail?: unknown }> {
    try {
      const detail = await withTimeout(probe(), 3000);
      return Array.isArray(detail) ? { status: 'up' } : { status: 'up', detail };
    } catch (error) {
      return { status: 'down', error: (error as Error).message };
    }
  }
}
