import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metric, Run } from '@lastmile/persistence';
import { loadRunReportData, renderRunReport } from '@lastmile/reports';
import { AuditService } from '../common/audit.service';
import { notFound, ProblemException } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import type { ListRunsQuery, RunMetricsQuery } from './run-query.dto';

const FINISHED = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

@Injectable()
export class RunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(principal: Principal, query: ListRunsQuery): Promise<Run[]> {
    const tenantId = tenantScope(principal);
    return this.dataSource.getRepository(Run).find({
      where: {
        ...(query.planId ? { planId: query.planId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(tenantId ? { tenantId } : {}),
      },
      order: { queuedAt: 'DESC' },
      take: query.limit,
    });
  }

  async get(principal: Principal, id: string): Promise<Run> {
    const tenantId = tenantScope(principal);
    const run = await this.dataSource
      .getRepository(Run)
      .findOneBy({ id, ...(tenantId ? { tenantId } : {}) });
    if (!run) throw notFound('run', id);
    return run;
  }

  async metrics(principal: Principal, id: string, query: RunMetricsQuery) {
    await this.get(principal, id);
    const rows = await this.dataSource.getRepository(Metric).find({
      where: {
        runId: id,
        ...(query.name ? { name: query.name } : {}),
        ...(query.subgroup ? { subgroup: query.subgroup } : {}),
        ...(query.sliceId ? { sliceId: query.sliceId } : {}),
      },
      order: { sliceId: 'ASC', name: 'ASC', subgroup: 'ASC' },
    });
    return rows.map(({ sliceId, subgroup, name, value, ciLow, ciHigh, n, at }) => ({
      slice: sliceId,
      subgroup,
      name,
      value,
      ciLow,
      ciHigh,
      n,
      at,
    }));
  }

  async report(principal: Principal, id: string): Promise<string> {
    await this.get(principal, id);
    const data = await loadRunReportData(this.dataSource, id);
    if (!data) throw notFound('run', id);
    return renderRunReport(data);
  }

  /** A queued run is cancelled at once; a running one stops at its next batch. */
  async cancel(principal: Principal, id: string): Promise<Run> {
    const run = await this.get(principal, id);
    if (FINISHED.has(run.status)) {
      throw new ProblemException(
        409,
        'Conflict',
        `run ${id} already ended with status ${run.status}`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(Run)
        .set({ cancelRequested: true })
        .where('id = :id', { id })
        .execute();
      await manager
        .createQueryBuilder()
        .update(Run)
        .set({ status: 'cancelled', finishedAt: () => 'now()' })
        .where("id = :id AND status = 'queued'", { id })
        .execute();
      await this.audit.record(principal, 'cancel', 'run', id, {}, manager);
    });
    return this.get(principal, id);
  }
}
