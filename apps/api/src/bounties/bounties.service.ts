import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { lordLevel } from '@lastmile/metrics';
import { Database, type BountyProgram, type Run, type Stores } from '@lastmile/persistence';
import {
  executeRunJobOptions,
  JOB_EXECUTE_RUN,
  RUNS_QUEUE,
  type ExecuteRunJob,
} from '@lastmile/queue';
import { AuditService } from '../common/audit.service';
import { invalid, notFound, ProblemException } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import { alertPolicySchema, baselinePolicySchema } from '../plans/plan.dto';
import type { CreateBountyBody } from './bounty.dto';
import { lordOptions, programMetric } from './bounty-verifier';
import { researcherProgramView } from './bounty-views';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Bias-bounty programs: opening one seals its pool and queues the run every submission is
 * verified from; researchers see the program through their key only (docs/bounties.md).
 */
@Injectable()
export class BountiesService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    @InjectQueue(RUNS_QUEUE) private readonly runsQueue: Queue,
  ) {}

  async create(principal: Principal, body: CreateBountyBody) {
    const { stores } = this.database;
    const [model, scenario, [source]] = await Promise.all([
      stores.models.find(body.modelId),
      stores.scenarios.find(body.scenarioId),
      stores.slices.byIds([body.sliceId]),
    ]);
    if (!model)
      throw invalid(`model ${body.modelId} does not exist`, [
        { field: 'modelId', reason: 'no such model' },
      ]);
    if (!scenario)
      throw invalid(`scenario ${body.scenarioId} does not exist`, [
        { field: 'scenarioId', reason: 'no such scenario' },
      ]);
    if (!source || source.programId !== null)
      throw invalid(`slice ${body.sliceId} does not exist`, [
        { field: 'sliceId', reason: 'no such slice' },
      ]);
    const definition = programMetric(scenario.kind, scenario.config, body.metric);
    if (!definition || definition.level === 'run' || definition.descriptive)
      throw invalid(`${body.metric} is not an item-level metric of scenario ${scenario.name}`, [
        {
          field: 'metric',
          reason: 'must be a metric the scenario scores per item, with a better direction',
        },
      ]);
    const programId = randomUUID();
    const { program, run } = await this.database.transaction(async (tx) => {
      const poolSliceId = (await tx.bounties.sealPool(source.id, programId))!;
      const plan = await tx.plans.save({
        name: `bounty: ${body.name}`,
        modelId: model.id,
        scenarioId: scenario.id,
        sliceIds: [poolSliceId],
        tenantId: null,
        cron: null,
        timezone: 'UTC',
        enabled: true,
        sampleSize: null,
        seed: body.seed,
        baselinePolicy: baselinePolicySchema.parse(undefined),
        alertPolicy: alertPolicySchema.parse(undefined),
        channels: [],
        cacheResponses: false,
        watchedSubgroups: [],
      });
      const created = await tx.bounties.createProgram({
        id: programId,
        name: body.name,
        modelId: model.id,
        scenarioId: scenario.id,
        sourceSliceId: source.id,
        poolSliceId,
        planId: plan.id,
        metric: body.metric,
        minEffect: body.minEffect,
        alpha: body.alpha,
        w0: body.alpha / 2,
        budget: body.budget,
        dailyLimit: body.dailyLimit,
        minSubsetItems: body.minSubsetItems,
        effectRounding: body.effectRounding,
        publicItemKeys: await tx.bounties.sampleKeys(poolSliceId, body.publicSampleSize, programId),
        createdByKeyId: principal.keyId,
      });
      const queued = await tx.runs.createForPlan(plan, 'manual');
      await this.audit.record(
        principal,
        'create',
        'bounty_program',
        programId,
        { name: body.name, modelId: model.id },
        tx,
      );
      return { program: created, run: queued };
    });
    await this.enqueue(run);
    return this.ownerView(program);
  }

  list() {
    return this.database.stores.bounties.listPrograms();
  }

  /** The program as the caller may see it: 404 for a researcher of another program. */
  async visible(principal: Principal, id: string): Promise<BountyProgram> {
    const program = await this.database.stores.bounties.findProgram(id);
    if (!program || (principal.role === 'researcher' && principal.programId !== id))
      throw notFound('bounty program', id);
    return program;
  }

  async get(principal: Principal, id: string) {
    const program = await this.visible(principal, id);
    return principal.role === 'researcher' ? this.researcherView(program) : this.ownerView(program);
  }

  async close(principal: Principal, id: string) {
    const program = await this.visible(principal, id);
    await this.database.transaction(async (stores) => {
      await stores.bounties.close(id);
      await this.audit.record(principal, 'close', 'bounty_program', id, {}, stores);
    });
    return this.ownerView({ ...program, status: 'closed' });
  }

  /** A researcher's daily cap, the program's budget and status, before anything is stored. */
  async checkCanSubmit(
    principal: Principal,
    program: BountyProgram,
    stores: Pick<Stores, 'bounties'> = this.database.stores,
  ): Promise<void> {
    if (program.status !== 'open')
      throw new ProblemException(409, 'Conflict', `bounty program ${program.id} is closed`);
    const now = Date.now();
    const recent = await stores.bounties.recentBy(
      program.id,
      principal.keyId,
      new Date(now - DAY_MS),
    );
    if (recent.count >= program.dailyLimit) {
      const freesAt = (recent.oldest?.getTime() ?? now) + DAY_MS;
      throw new ProblemException(
        429,
        'Too Many Requests',
        `this key made ${recent.count} submissions to the program in the past 24 hours; the program allows ${program.dailyLimit}`,
        [],
        { retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) },
      );
    }
    if ((await stores.bounties.countSubmissions(program.id)) >= program.budget)
      throw new ProblemException(
        409,
        'Conflict',
        `bounty program ${program.id} has used its budget of ${program.budget} submissions`,
      );
  }

  private async researcherView(program: BountyProgram) {
    const { stores } = this.database;
    const [model, scenario, [pool], submissions, publicSample] = await Promise.all([
      stores.models.find(program.modelId),
      stores.scenarios.find(program.scenarioId),
      stores.slices.byIds([program.poolSliceId]),
      stores.bounties.countSubmissions(program.id),
      stores.bounties.publicItems(program.poolSliceId, program.publicItemKeys),
    ]);
    const definition = scenario && programMetric(scenario.kind, scenario.config, program.metric);
    return researcherProgramView(program, {
      model: { name: model!.name, version: model!.version },
      direction: definition?.direction ?? 'unknown',
      pool,
      submissions,
      publicSample,
    });
  }

  private async ownerView(program: BountyProgram) {
    const { stores } = this.database;
    const [[latest], rejections, submissions] = await Promise.all([
      stores.runs.list({ planId: program.planId, tenantId: null, limit: 1 }),
      stores.bounties.rejectionTimes(program.id),
      stores.bounties.countSubmissions(program.id),
    ]);
    return {
      ...program,
      poolRun: latest
        ? { id: latest.id, status: latest.status, finishedAt: latest.finishedAt }
        : null,
      testing: {
        submissions,
        tested: rejections.lastIndex,
        accepted: rejections.times.length,
        nextLevel: lordLevel(rejections.lastIndex + 1, rejections.times, lordOptions(program)),
      },
    };
  }

  private async enqueue(run: Run): Promise<void> {
    const job: ExecuteRunJob = { runId: run.id };
    await this.runsQueue.add(JOB_EXECUTE_RUN, job, executeRunJobOptions(run.id));
  }
}
