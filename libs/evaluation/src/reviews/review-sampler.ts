import type { Database, NewReviewTask, Run } from '@lastmile/persistence';
import {
  judgeReviewVerdict,
  reviewJudgeSpec,
  reviewStratum,
  type Breakdown,
  type JudgeConfig,
} from '@lastmile/scenarios';
import { logger } from '@lastmile/telemetry';
import type { RunFinishedListener } from '../runs/run-executor';
import type { RunPlan } from '../runs/run-plan';
import { sampleForReview } from './review-sample';

export interface ReviewSamplerSettings {
  /** Answers of one run put in front of people (LASTMILE_REVIEW_SAMPLE_PER_RUN; 0: none). */
  perRun: number;
}

/**
 * The run-finished listener that feeds the review queue: a run scored by a model judge (its
 * scenario config has `judge`) puts up to `perRun` of its answers in front of people, stratified
 * by group, the answers the judge was unsure of first (see sampleForReview). Each task keeps the
 * judge's verdict for the agreement statistics. Never fails the run: errors are logged.
 */
export class ReviewSampler {
  constructor(
    private readonly database: Database,
    private readonly settings: ReviewSamplerSettings,
  ) {}

  readonly listener: RunFinishedListener = async (run, plan) => {
    try {
      await this.sample(run, plan);
    } catch (error) {
      logger().error(
        { err: error, runId: run.id },
        'sampling the run for review failed; the run itself is unaffected',
      );
    }
  };

  async sample(run: Run, plan: RunPlan | null): Promise<number> {
    const config = plan?.config as { judge?: JudgeConfig; breakdownBy?: Breakdown } | undefined;
    if (
      !plan ||
      !config?.judge ||
      this.settings.perRun <= 0 ||
      (run.status !== 'succeeded' && run.status !== 'partial') ||
      !run.scenarioId
    )
      return 0;
    const { results, reviews } = this.database.stores;
    if (await reviews.sampledRun(run.id)) return 0;
    const judge = reviewJudgeSpec(config.judge);
    const candidates = [];
    for (const slice of plan.slices) {
      for (const instance of await results.scoredInstances(run.id, slice.id)) {
        if (instance.sample !== 0) continue;
        const verdict = judgeReviewVerdict(instance.stats, judge.mode);
        if (!verdict) continue;
        candidates.push({
          itemId: `${slice.id}\u0000${instance.itemId}`,
          sliceId: slice.id,
          itemKey: instance.itemId,
          stratum: reviewStratum(instance.attributes, config.breakdownBy),
          spread: verdict.spread,
          verdict,
        });
      }
    }
    const tasks: NewReviewTask[] = sampleForReview(candidates, this.settings.perRun, run.id).map(
      (c) => ({
        runId: run.id,
        scenarioId: run.scenarioId!,
        tenantId: run.tenantId,
        sliceId: c.sliceId,
        itemKey: c.itemKey,
        sample: 0,
        stratum: c.stratum,
        judgeId: c.verdict.judgeId,
        judge,
        judgeLabel: c.verdict.label,
        judgeScore: c.verdict.score,
        judgeSpread: c.verdict.spread,
      }),
    );
    const added = await reviews.addTasks(tasks);
    logger().info(
      { runId: run.id, sampled: added, candidates: candidates.length },
      'review tasks sampled',
    );
    return added;
  }
}
