import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { ServerPolicy } from '@lastmile/adapters';
import type { AppConfig } from '@lastmile/config';
import type { Queue } from 'bullmq';
import {
  Database,
  quotaRefusal,
  quotaRetryAfterSeconds,
  type ChannelSpec,
  type Plan,
  type Run,
  type Stores,
} from '@lastmile/persistence';
import {
  executeRunJobOptions,
  JOB_EXECUTE_RUN,
  RUNS_QUEUE,
  type ExecuteRunJob,
} from '@lastmile/queue';
import { builtinSampleProblem, getScenarioKind, type SampleSpec } from '@lastmile/scenarios';
import { AuditService } from '../common/audit.service';
import {
  invalid,
  notFound,
  ProblemException,
  type FieldProblem,
} from '../common/problem.exception';
import { APP_CONFIG } from '../config.token';
import { SERVER_POLICY } from '../security/server-policy.provider';
import { tenantScope, type Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import type { CreatePlanBody, UpdatePlanBody } from './plan.dto';
import { PlanChannelRules } from './plan-channels';
import { PlanSchedulesService } from './plan-schedules.service';
import { customerScheduleRefusal } from './schedule-interval';

@Injectable()
export class PlansService {
  private readonly channels: PlanChannelRules;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly schedules: PlanSchedulesService,
    @Inject(SERVER_POLICY) policy: ServerPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(RUNS_QUEUE) private readonly runsQueue: Queue,
  ) {
    this.channels = new PlanChannelRules(database, policy, config.LASTMILE_PAGERDUTY_EVENTS_URL);
  }

  async create(principal: Principal, body: CreatePlanBody): Promise<Plan> {
    const tenantId = await this.ownerTenant(principal, body.tenant);
    await this.checkServerResources(principal, tenantId, body, []);
    const plan = await this.database.transaction(async (stores) => {
      await this.checkReferences(
        stores,
        { modelId: body.modelId, scenarioId: body.scenarioId, sliceIds: body.sliceIds },
        tenantId,
      );
      await this.checkSample(stores, body);
      const { tenant: _tenant, channels, ...fields } = body;
      const saved = await stores.plans.save({
        ...fields,
        channels: PlanChannelRules.stored(channels),
        tenantId,
      });
      await this.audit.record(principal, 'create', 'plan', saved.id, { name: saved.name }, stores);
      return saved;
    });
    await this.schedules.sync(plan);
    return plan;
  }

  list(principal: Principal): Promise<Plan[]> {
    return this.database.stores.plans.list(tenantScope(principal));
  }

  async get(principal: Principal, id: string): Promise<Plan> {
    const plan = await this.database.stores.plans.findVisible(id, tenantScope(principal));
    if (!plan) throw notFound('plan', id);
    return plan;
  }

  async update(principal: Principal, id: string, body: UpdatePlanBody): Promise<Plan> {
    const existing = await this.get(principal, id);
    await this.checkServerResources(
      principal,
      existing.tenantId,
      { timezone: existing.timezone, ...body },
      existing.channels,
    );
    const plan = await this.database.transaction(async (stores) => {
      const current = await this.get(principal, id);
      await this.checkReferences(
        stores,
        { modelId: body.modelId, sliceIds: body.sliceIds },
        current.tenantId,
      );
      if (body.sample !== undefined || body.sliceIds !== undefined)
        await this.checkSample(stores, { ...current, ...body });
      const changes = body.channels
        ? { ...body, channels: PlanChannelRules.stored(body.channels) }
        : body;
      const updated = await stores.plans.save({ ...current, ...changes });
      await this.audit.record(
        principal,
        'update',
        'plan',
        id,
        { fields: Object.keys(body) },
        stores,
      );
      return updated;
    });
    await this.schedules.sync(plan);
    return plan;
  }

  /** Soft delete: past runs, metrics and alerts keep their plan for the record. */
  async remove(principal: Principal, id: string): Promise<void> {
    const plan = await this.get(principal, id);
    plan.deletedAt = new Date();
    plan.enabled = false;
    await this.database.transaction(async (stores) => {
      await stores.plans.save(plan);
      await this.audit.record(principal, 'delete', 'plan', id, {}, stores);
    });
    await this.schedules.sync(plan);
  }

  async queueRun(principal: Principal, id: string): Promise<Run> {
    const plan = await this.get(principal, id);
    if (plan.tenantId) await this.checkRunQuota(plan.tenantId);
    const run = await this.database.transaction(async (stores) => {
      const created = await stores.runs.createForPlan(plan, 'manual');
      await this.audit.record(principal, 'queue', 'run', created.id, { planId: plan.id }, stores);
      return created;
    });
    // Test-only fault injection: die between the commit and the enqueue, as a crash would; the
    // runner's lost-run sweep must find the run and queue it (test/reliability/lost-runs).
    if (this.config.LASTMILE_TEST_FAULT === 'exit-after-run-commit') process.exit(137);
    const job: ExecuteRunJob = { runId: run.id };
    await this.runsQueue.add(JOB_EXECUTE_RUN, job, executeRunJobOptions(run.id));
    return run;
  }

  /** Runs per tenant per hour: one more would exceed the operator's cap → 429 with Retry-After. */
  private async checkRunQuota(tenantId: string): Promise<void> {
    const usage = await this.database.stores.runs.tenantUsageLastHour(tenantId);
    const refusal = quotaRefusal(usage, {
      runsPerHour: this.config.LASTMILE_TENANT_RUNS_PER_HOUR,
      modelCallsPerHour: this.config.LASTMILE_TENANT_MODEL_CALLS_PER_HOUR,
    });
    if (refusal)
      throw new ProblemException(429, 'Too Many Requests', `run refused: ${refusal}`, [], {
        retryAfterSeconds: quotaRetryAfterSeconds(usage),
      });
  }

  /**
   * What a plan names on the server, judged before anything is stored: its channels (their
   * secrets and destinations, PlanChannelRules; `current` are the plan's channels as they stand)
   * and a customer's schedule, which may not fire more often than the operator's minimum.
   */
  private async checkServerResources(
    principal: Principal,
    tenantId: string | null,
    body: { cron?: string | null; timezone?: string; channels?: ChannelSpec[] },
    current: ChannelSpec[],
  ): Promise<void> {
    const channels = await this.channels.refusals(
      principal,
      tenantId,
      body.channels ?? [],
      current,
    );
    if (channels.forbidden.length)
      throw new ProblemException(
        403,
        'Forbidden',
        channels.forbidden[0].reason,
        channels.forbidden,
      );
    const problems: FieldProblem[] = [];
    if (principal.role === 'customer' && body.cron) {
      const reason = customerScheduleRefusal(
        body.cron,
        body.timezone ?? 'UTC',
        this.config.LASTMILE_MIN_SCHEDULE_SECONDS,
      );
      if (reason) problems.push({ field: 'cron', reason });
    }
    problems.push(...channels.problems);
    if (problems.length) throw invalid(problems[0].reason, problems);
  }

  private async ownerTenant(
    principal: Principal,
    tenant: string | undefined,
  ): Promise<string | null> {
    if (principal.role === 'customer') {
      const own = principal.tenantId!;
      if (tenant && (await this.tenants.find(tenant)).id !== own) {
        throw new ProblemException(
          403,
          'Forbidden',
          'a customer key can only create plans for its own tenant',
        );
      }
      return own;
    }
    return tenant ? (await this.tenants.find(tenant)).id : null;
  }

  /**
   * A plan's sample draws from the scenario's built-in data: refused (400 naming the field) on a
   * plan that names slices, and when no built-in item carries the attribute it stratifies by.
   */
  private async checkSample(
    stores: Stores,
    plan: { scenarioId: string; sliceIds: string[]; sample: SampleSpec | null },
  ): Promise<void> {
    if (plan.sample === null) return;
    if (plan.sliceIds.length) {
      throw invalid("a plan's sample draws from the scenario's built-in data", [
        {
          field: 'sample',
          reason:
            'applies to built-in data only, and this plan names slices: leave sliceIds empty, or run a random subset of the slices with sampleSize',
        },
      ]);
    }
    const scenario = await stores.scenarios.find(plan.scenarioId);
    if (!scenario) return;
    const kind = getScenarioKind(scenario.kind);
    const problem = builtinSampleProblem(
      kind,
      kind.configSchema.parse(scenario.config),
      plan.sample,
    );
    if (problem)
      throw invalid(`sample.by: ${problem.message}`, [
        { field: 'sample.by', reason: `${problem.message} in the built-in data of ${kind.kind}` },
      ]);
  }

  private async checkReferences(
    stores: Stores,
    refs: { modelId?: string; scenarioId?: string; sliceIds?: string[] },
    tenantId: string | null,
  ): Promise<void> {
    if (refs.modelId && !(await stores.models.exists(refs.modelId))) {
      throw invalid(`model ${refs.modelId} does not exist`, [
        { field: 'modelId', reason: 'no such model' },
      ]);
    }
    if (refs.scenarioId && !(await stores.scenarios.exists(refs.scenarioId))) {
      throw invalid(`scenario ${refs.scenarioId} does not exist`, [
        { field: 'scenarioId', reason: 'no such scenario' },
      ]);
    }
    if (refs.sliceIds?.length) {
      // A plan may use built-in slices and slices of its owner tenant, nothing else.
      const usable = await stores.slices.usableBy(tenantId, refs.sliceIds);
      const bad = refs.sliceIds.findIndex((sliceId) => !usable.has(sliceId));
      if (bad >= 0) {
        throw invalid(`slice ${refs.sliceIds[bad]} does not exist or belongs to another tenant`, [
          { field: `sliceIds[${bad}]`, reason: "no such slice for this plan's tenant" },
        ]);
      }
    }
  }
}
