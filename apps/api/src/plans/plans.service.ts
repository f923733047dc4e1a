import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { ServerPolicy } from '@lastmile/adapters';
import type { AppConfig } from '@lastmile/config';
import type { Queue } from 'bullmq';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  createRunForPlan,
  Model,
  Plan,
  quotaRefusal,
  quotaRetryAfterSeconds,
  Run,
  Scenario,
  SecretsStore,
  Slice,
  tenantUsageLastHour,
  type ChannelSpec,
} from '@lastmile/persistence';
import { JOB_EXECUTE_RUN, RUNS_QUEUE, type ExecuteRunJob } from '@lastmile/queue';
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
import { PlanSchedulesService } from './plan-schedules.service';
import { customerScheduleRefusal } from './schedule-interval';

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly schedules: PlanSchedulesService,
    private readonly secrets: SecretsStore,
    @Inject(SERVER_POLICY) private readonly policy: ServerPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(RUNS_QUEUE) private readonly runsQueue: Queue,
  ) {}

  async create(principal: Principal, body: CreatePlanBody): Promise<Plan> {
    const tenantId = await this.ownerTenant(principal, body.tenant);
    await this.checkServerResources(principal, tenantId, body);
    const plan = await this.dataSource.transaction(async (manager) => {
      await this.checkReferences(
        manager,
        { modelId: body.modelId, scenarioId: body.scenarioId, sliceIds: body.sliceIds },
        tenantId,
      );
      const { tenant: _tenant, ...fields } = body;
      const saved = await manager.getRepository(Plan).save({ ...fields, tenantId });
      await this.audit.record(principal, 'create', 'plan', saved.id, { name: saved.name }, manager);
      return saved;
    });
    await this.schedules.sync(plan);
    return plan;
  }

  list(principal: Principal): Promise<Plan[]> {
    const tenantId = tenantScope(principal);
    return this.dataSource.getRepository(Plan).find({
      where: { deletedAt: IsNull(), ...(tenantId ? { tenantId } : {}) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  async get(principal: Principal, id: string): Promise<Plan> {
    const tenantId = tenantScope(principal);
    const plan = await this.dataSource
      .getRepository(Plan)
      .findOneBy({ id, deletedAt: IsNull(), ...(tenantId ? { tenantId } : {}) });
    if (!plan) throw notFound('plan', id);
    return plan;
  }

  async update(principal: Principal, id: string, body: UpdatePlanBody): Promise<Plan> {
    const existing = await this.get(principal, id);
    await this.checkServerResources(principal, existing.tenantId, {
      timezone: existing.timezone,
      ...body,
    });
    const plan = await this.dataSource.transaction(async (manager) => {
      const current = await this.get(principal, id);
      await this.checkReferences(
        manager,
        { modelId: body.modelId, sliceIds: body.sliceIds },
        current.tenantId,
      );
      const updated = await manager.getRepository(Plan).save({ ...current, ...body });
      await this.audit.record(
        principal,
        'update',
        'plan',
        id,
        { fields: Object.keys(body) },
        manager,
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
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Plan).save(plan);
      await this.audit.record(principal, 'delete', 'plan', id, {}, manager);
    });
    await this.schedules.sync(plan);
  }

  async queueRun(principal: Principal, id: string): Promise<Run> {
    const plan = await this.get(principal, id);
    if (plan.tenantId) await this.checkRunQuota(plan.tenantId);
    const run = await this.dataSource.transaction(async (manager) => {
      const created = await createRunForPlan(manager, plan, 'manual');
      await this.audit.record(principal, 'queue', 'run', created.id, { planId: plan.id }, manager);
      return created;
    });
    const job: ExecuteRunJob = { runId: run.id };
    await this.runsQueue.add(JOB_EXECUTE_RUN, job, {
      jobId: run.id,
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
    return run;
  }

  /** Runs per tenant per hour: one more would exceed the operator's cap → 429 with Retry-After. */
  private async checkRunQuota(tenantId: string): Promise<void> {
    const usage = await tenantUsageLastHour(this.dataSource.manager, tenantId);
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
   * What a plan names on the server, judged before anything is stored: its channels' secrets must
   * exist for the plan's owner, their URLs must be reachable under the owner's URL policy (a
   * tenant's: public addresses only, unless the operator lists more), and a customer's schedule
   * may not fire more often than the operator's minimum.
   */
  private async checkServerResources(
    principal: Principal,
    tenantId: string | null,
    body: { cron?: string | null; timezone?: string; channels?: ChannelSpec[] },
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (principal.role === 'customer' && body.cron) {
      const reason = customerScheduleRefusal(
        body.cron,
        body.timezone ?? 'UTC',
        this.config.LASTMILE_MIN_SCHEDULE_SECONDS,
      );
      if (reason) problems.push({ field: 'cron', reason });
    }
    const channels = body.channels ?? [];
    const names = channels.flatMap((channel) => (channel.secret ? [channel.secret] : []));
    const stored = await this.secrets.existing(tenantId, names);
    for (const [i, channel] of channels.entries()) {
      if (channel.secret && !stored.has(channel.secret))
        problems.push({
          field: `channels[${i}].secret`,
          reason: `no secret named ${channel.secret} for ${tenantId ? "the plan's tenant" : 'the operator'}: store it first with PUT ${tenantId ? '/v1/tenants/{tenant}/secrets/' : '/v1/secrets/'}${channel.secret}`,
        });
      if (channel.url === undefined) continue;
      const reason =
        tenantId !== null
          ? await this.policy.customerUrls.refusal(channel.url)
          : this.policy.urls.classify(new URL(channel.url)) === 'denied'
            ? `${new URL(channel.url).host} is not in LASTMILE_URL_ALLOWLIST`
            : null;
      if (reason) problems.push({ field: `channels[${i}].url`, reason });
    }
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

  private async checkReferences(
    manager: EntityManager,
    refs: { modelId?: string; scenarioId?: string; sliceIds?: string[] },
    tenantId: string | null,
  ): Promise<void> {
    if (refs.modelId && !(await manager.getRepository(Model).existsBy({ id: refs.modelId }))) {
      throw invalid(`model ${refs.modelId} does not exist`, [
        { field: 'modelId', reason: 'no such model' },
      ]);
    }
    if (
      refs.scenarioId &&
      !(await manager.getRepository(Scenario).existsBy({ id: refs.scenarioId }))
    ) {
      throw invalid(`scenario ${refs.scenarioId} does not exist`, [
        { field: 'scenarioId', reason: 'no such scenario' },
      ]);
    }
    if (refs.sliceIds?.length) {
      const slices = await manager.getRepository(Slice).findBy({ id: In(refs.sliceIds) });
      // A plan may use built-in slices and slices of its owner tenant, nothing else.
      const usable = new Set(
        slices.filter((s) => s.tenantId === null || s.tenantId === tenantId).map((s) => s.id),
      );
      const bad = refs.sliceIds.findIndex((sliceId) => !usable.has(sliceId));
      if (bad >= 0) {
        throw invalid(`slice ${refs.sliceIds[bad]} does not exist or belongs to another tenant`, [
          { field: `sliceIds[${bad}]`, reason: "no such slice for this plan's tenant" },
        ]);
      }
    }
  }
}
