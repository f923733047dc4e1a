import { Injectable } from '@nestjs/common';
import { Database, isFinishedRun, type Run } from '@lastmile/persistence';
import { loadRunReportData, renderRunReport } from '@lastmile/reports';
import { AuditService } from '../common/audit.service';
import { notFound, ProblemException } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import { metricUnits } from './metric-units';
import type { ListRunsQuery, RunMetricsQuery } from './run-query.dto';

@Injectable()
export class RunsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  list(principal: Principal, query: ListRunsQuery): Promise<Run[]> {
    return this.database.stores.runs.list({
      planId: query.planId,
      status: query.status,
      tenantId: tenantScope(principal),
      limit: query.limit,
    });
  }

  async get(principal: Principal, id: string): Promise<Run> {
    const run = await this.database.stores.runs.findVisible(id, tenantScope(principal));
    if (!run) throw notFound('run', id);
    return run;
  }

  /**
   * The run's monitoring summary (pending until its drift monitoring has run), held up to
   * `waitSeconds` for it to end. A run still queued or running answers { status: 'pending' }.
   */
  async monitoring(principal: Principal, id: string, waitSeconds: number) {
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const run = await this.get(principal, id);
      const monitoring = run.monitoring ?? { status: 'pending' as const };
      if (monitoring.status !== 'pending' || Date.now() >= deadline)
        return { runId: run.id, runStatus: run.status, ...monitoring };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * The run (404 when absent or another tenant's) joined with its metrics, each with its unit
   * (rate, count, score…) from the scenario's kind; the scenario is read alongside.
   */
  async metrics(principal: Principal, id: string, query: RunMetricsQuery) {
    const { stores } = this.database;
    const [rows, scenario] = await Promise.all([
      stores.metrics.forApi(id, tenantScope(principal), query),
      stores.scenarios.ofRun(id),
    ]);
    if (!rows) throw notFound('run', id);
    const units = metricUnits(scenario);
    return rows.map((row) => ({ ...row, unit: units.get(row.name) ?? 'rate' }));
  }

  async report(principal: Principal, id: string): Promise<string> {
    await this.get(principal, id);
    const data = await loadRunReportData(this.database.stores, id);
    if (!data) throw notFound('run', id);
    return renderRunReport(data);
  }

  /** A queued run is cancelled at once; a running one stops at its next batch. */
  async cancel(principal: Principal, id: string): Promise<Run> {
    const run = await this.get(principal, id);
    if (isFinishedRun(run.status)) {
      throw new ProblemException(
        409,
        'Conflict',
        `run ${id} already ended with status ${run.status}`,
      );
    }
    await this.database.transaction(async (stores) => {
      await stores.runs.requestCancel(id);
      await this.audit.record(principal, 'cancel', 'run', id, {}, stores);
    });
    return this.get(principal, id);
  }
}
