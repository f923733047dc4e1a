import { Injectable } from '@nestjs/common';
import { pinRunAsBaseline } from '@lastmile/evaluation';
import { isComplete } from '@lastmile/monitoring';
import { Database } from '@lastmile/persistence';
import { getScenarioKind } from '@lastmile/scenarios';
import { AuditService } from '../common/audit.service';
import { conflict, invalid } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import { PlansService } from '../plans/plans.service';

@Injectable()
export class BaselinesService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly plans: PlansService,
  ) {}

  /** The plan's baselines without their per-item stats, and whether each is complete. */
  async list(principal: Principal, planId: string) {
    const plan = await this.plans.get(principal, planId);
    const rows = await this.database.stores.baselines.listForPlan(planId);
    return rows.map((row) => ({ ...row, complete: isComplete(row, plan.baselinePolicy) }));
  }

  /** Pins one run as the plan's baseline and switches its policy to 'pinned'. */
  async pin(principal: Principal, planId: string, runId: string) {
    const plan = await this.plans.get(principal, planId);
    const run = await this.database.stores.runs.find(runId);
    if (!run || run.planId !== plan.id) {
      throw invalid(`run ${runId} is not a run of plan ${planId}`, [
        { field: 'runId', reason: 'no such run of this plan' },
      ]);
    }
    if (
      (run.status !== 'succeeded' && run.status !== 'partial') ||
      !run.provenance ||
      !run.scenarioId
    ) {
      throw conflict(
        `run ${runId} is ${run.status}: only a succeeded or partial run can be a baseline`,
      );
    }
    const scenario = await this.database.stores.scenarios.find(run.scenarioId);
    if (!scenario) throw conflict(`run ${runId}'s scenario no longer exists`);
    const kind = getScenarioKind(scenario.kind);
    const metrics = kind.metrics(kind.configSchema.parse(scenario.config));
    const baselinePolicy = { ...plan.baselinePolicy, kind: 'pinned' as const, runIds: [runId] };
    const baselines = await this.database.transaction(async (stores) => {
      const written = await pinRunAsBaseline(stores, {
        planId,
        seed: plan.seed,
        runId,
        modelSpecHash: run.provenance!.modelSpecHash,
        sliceHashes: run.provenance!.sliceHashes,
        scoringHash: run.provenance!.scoringHash,
        metrics,
      });
      await stores.plans.setBaselinePolicy(planId, baselinePolicy);
      await this.audit.record(
        principal,
        'pin-baseline',
        'plan',
        planId,
        { runId, baselines: written },
        stores,
      );
      return written;
    });
    return { planId, runId, baselines, baselinePolicy };
  }
}
