import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { createRunForPlan, Model, Plan, Run, Scenario, Slice } from '@lastmile/persistence';
import { JOB_EXECUTE_RUN, RUNS_QUEUE, type ExecuteRunJob } from '@lastmile/queue';
import { AuditService } from '../common/audit.service';
import { invalid, notFound, ProblemException } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import type { CreatePlanBody, UpdatePlanBody } from './plan.dto';
import { PlanSchedulesService } from './plan-schedules.service';

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly schedules: PlanSchedulesService,
    @InjectQueue(RUNS_QUEUE) private readonly runsQueue: Queue,
  ) {}

  async create(principal: Principal, body: CreatePlanBody): Promise<Plan> {
    const tenantId = await this.ownerTenant(principal, body.tenant);
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
