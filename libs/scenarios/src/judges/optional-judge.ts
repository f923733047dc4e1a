import { z } from 'zod';
import type { ScenarioKind } from '../scenario-kind';
import { groupByItem } from '../support/item-samples';
import type { Breakdown } from '../support/subgroups';
import { judgeConfigSchema, type JudgeConfig } from './judge-config';
import { aggregateJudgeMetrics, judgeMetrics } from './judge-metrics';
import { judgeScoring } from './judge-provenance';
import { judgeAnswer } from './judge-scorer';

/** A kind's config that may also name a model judge. */
export type WithOptionalJudge<C> = C & { judge?: JudgeConfig };

export interface OptionalJudgeOptions<C> {
  /** The kind's breakdown, when it has a default of its own (default: config.breakdownBy). */
  breakdownOf?(config: C): Breakdown | undefined;
}

const configuredBreakdown = (config: unknown) =>
  (config as { breakdownBy?: Breakdown }).breakdownBy;

/**
 * The kind, plus an optional `judge` in its config: every answer is then also scored by the
 * judge (judgeAnswer), the kind's metrics gain the judge's (the names open_answer reports) and
 * its scoring provenance gains the judge, so another judge or rubric starts a new baseline.
 * Without `judge` the kind is unchanged, down to its provenance and so its baseline keys.
 */
export function withOptionalJudge<C extends object>(
  kind: ScenarioKind<C>,
  options: OptionalJudgeOptions<C> = {},
): ScenarioKind<WithOptionalJudge<C>> {
  if (!(kind.configSchema instanceof z.ZodObject))
    throw new TypeError(`${kind.kind}: a judge can only be added to an object config`);
  const breakdownOf = options.breakdownOf ?? configuredBreakdown;
  return {
    ...kind,
    // safeExtend keeps the kind's refinements and its strictness (unknown keys stay errors).
    configSchema: kind.configSchema.safeExtend({
      judge: judgeConfigSchema.optional(),
    }) as unknown as z.ZodType<WithOptionalJudge<C>>,
    async score(item, response, config, context) {
      // The kind's own scoring first: an answer it cannot score costs no judge calls.
      const stats = await kind.score(item, response, config, context);
      if (!config.judge) return stats;
      return {
        ...stats,
        ...(await judgeAnswer(context.judge, config.judge, item, response, kind.kind)),
      };
    },
    metrics: (config) => [
      ...kind.metrics(config),
      ...(config.judge ? judgeMetrics(config.judge) : []),
    ],
    scoringProvenance(config) {
      const own = kind.scoringProvenance?.(config) ?? null;
      if (!config.judge) return own;
      return { ...own, judge: judgeScoring(config.judge, config.judge.model) };
    },
    aggregate(instances, config, context) {
      const values = kind.aggregate(instances, config, context);
      if (!config.judge) return values;
      const judged = aggregateJudgeMetrics(config.judge, groupByItem(instances), {
        seed: context.seed,
        breakdownBy: breakdownOf(config),
      });
      return [...values, ...judged];
    },
  };
}
