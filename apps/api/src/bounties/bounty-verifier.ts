import { Injectable } from '@nestjs/common';
import { lordLevel, uniformGamma } from '@lastmile/metrics';
import { Database, type BountyProgram, type Stores } from '@lastmile/persistence';
import {
  findScenarioKind,
  parsePredicate,
  subsetPoolOfInstances,
  testSubset,
  watchLabel,
  type MetricDefinition,
} from '@lastmile/scenarios';

/** The program's metric as its scenario defines it (null when the kind or config no longer parse). */
export function programMetric(
  kindName: string,
  config: unknown,
  metric: string,
): MetricDefinition | null {
  const kind = findScenarioKind(kindName);
  const parsed = kind?.configSchema.safeParse(config);
  if (!kind || !parsed?.success) return null;
  return kind.metrics(parsed.data).find((d) => d.name === metric) ?? null;
}

const round = (value: number, step: number) => Number((Math.round(value / step) * step).toFixed(6));

/**
 * Decides a program's pending submissions, oldest first, once its pool run has succeeded: each
 * subset of the sealed items (the public sample left out) is tested against the rest, and LORD++
 * with γ uniform over the program's budget sets the level each is held to, in arrival order. An
 * accepted finding becomes a watched subgroup of every live plan of the model. Called after every
 * submission and before every read, so a submission made while the pool run was still going is
 * decided on the next look.
 */
@Injectable()
export class BountyVerifier {
  constructor(private readonly database: Database) {}

  async settle(programId: string): Promise<void> {
    await this.database.transaction(async (stores) => {
      await stores.bounties.lockProgram(programId);
      const pending = await stores.bounties.pending(programId);
      if (pending.length === 0) return;
      const program = await stores.bounties.findProgram(programId);
      if (!program) return;
      const [run] = await stores.runs.list({
        planId: program.planId,
        status: 'succeeded',
        tenantId: null,
        limit: 1,
      });
      if (!run) return;
      const scenario = await stores.scenarios.find(program.scenarioId);
      const definition = scenario && programMetric(scenario.kind, scenario.config, program.metric);
      if (!definition) return;
      const instances = await stores.results.scoredInstances(run.id, program.poolSliceId);
      const pool = subsetPoolOfInstances(definition, instances, new Set(program.publicItemKeys));
      let { times, lastIndex } = await stores.bounties.rejectionTimes(programId);
      for (const submission of pending) {
        const test = testSubset(pool, parsePredicate(submission.predicate), {
          minEffect: program.minEffect,
          minItems: program.minSubsetItems,
          seed: lastIndex + 1,
        });
        if (test.status === 'too_small') {
          // Not a test: it spends no α and takes no number in the sequence.
          await stores.bounties.decide(submission.id, {
            status: 'untestable',
            reason: `the subset or the rest of the sealed pool has fewer than ${program.minSubsetItems} scored items`,
            runId: run.id,
          });
          continue;
        }
        const t = ++lastIndex;
        const level = lordLevel(t, times, lordOptions(program));
        const accepted = level > 0 && test.pWorse <= level;
        const label = accepted ? watchLabel(submission.predicate) : null;
        if (accepted) {
          times = [...times, t];
          await this.watch(
            stores,
            program,
            submission.id,
            submission.researcherKeyId,
            label!,
            submission.predicate,
          );
        }
        await stores.bounties.decide(submission.id, {
          status: accepted ? 'accepted' : 'rejected',
          testIndex: t,
          level,
          pValue: test.pWorse,
          delta: test.delta,
          ciLow: test.interval.low,
          ciHigh: test.interval.high,
          shortfall: test.shortfall,
          nSubset: test.nSubset,
          nComplement: test.nComplement,
          roundedEffect: accepted ? round(test.shortfall, program.effectRounding) : null,
          runId: run.id,
          watchLabel: label,
        });
      }
    });
  }

  private async watch(
    stores: Stores,
    program: BountyProgram,
    submissionId: string,
    researcherKeyId: string | null,
    label: string,
    predicate: string,
  ): Promise<void> {
    const researcher = researcherKeyId
      ? await stores.bounties.researcherName(researcherKeyId)
      : 'a revoked key';
    await stores.plans.addWatchedSubgroup(
      program.modelId,
      {
        label,
        predicate,
        source: { programId: program.id, submissionId, researcher },
        addedAt: new Date().toISOString(),
      },
      program.planId,
    );
  }
}

export function lordOptions(program: Pick<BountyProgram, 'alpha' | 'w0' | 'budget'>) {
  return { alpha: program.alpha, w0: program.w0, gamma: uniformGamma(program.budget) };
}
