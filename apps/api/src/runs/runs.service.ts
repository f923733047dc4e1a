import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Run } from '@lastmile/persistence';
import { loadRunReportData, renderRunReport } from '@lastmile/reports';
import { AuditService } from '../common/audit.service';
import { notFound, ProblemException } from '../common/problem.exception';
import { isoTimestampSql } from '../common/sql-timestamp';
import { tenantScope, type Principal } from '../auth/principal';
import type { ListRunsQuery, RunMetricsQuery } from './run-query.dto';

const FINISHED = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

interface RunMetricRow {
  slice: string;
  subgroup: string;
  name: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  at: string;
}

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

  /** One round trip: the run (404 when absent or another tenant's) joined with its metrics. */
  async metrics(principal: Principal, id: string, query: RunMetricsQuery) {
    const rows: (RunMetricRow & { run_id: string | null })[] = await this.dataSource.query(
      `SELECT m.run_id, m.slice_id AS slice, m.subgroup, m.name, m.value, m.ci_low AS "ciLow",
              m.ci_high AS "ciHigh", m.n, ${isoTimestampSql('m.at')} AS at
         FROM runs r
         LEFT JOIN metrics m ON m.run_id = r.id
           AND ($3::text IS NULL OR m.name = $3)
           AND ($4::text IS NULL OR m.subgroup = $4)
           AND ($5::uuid IS NULL OR m.slice_id = $5)
        WHERE r.id = $1 AND ($2::uuid IS NULL OR r.tenant_id = $2)
        ORDER BY m.slice_id, m.name, m.subgroup`,
      [
        id,
        tenantScope(principal),
        query.name ?? null,
        query.subgroup ?? null,
        query.sliceId ?? null,
      ],
    );
    if (rows.length === 0) throw notFound('run', id);
    return rows.filter((row) => row.run_id !== null).map(({ run_id: _run, ...metric }) => metric);
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
