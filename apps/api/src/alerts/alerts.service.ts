import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { insertAlertEvent, lockPlanMonitoring, type NotifiedEvent } from '@lastmile/monitoring';
import { Alert, AlertEvent, Notification, Plan } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { conflict, notFound } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import { isoTimestampSql } from '../common/sql-timestamp';
import { decodeCursor, encodeCursor } from './alert-cursor';
import type { ListAlertsQuery } from './alert.dto';
import { AlertNotifier } from './alert-notifier';

const CURSOR_AT = `to_char(a.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An alert as the list returns it: the entity's fields, timestamps as JSON renders them. */
export type AlertListItem = Omit<
  Alert,
  'openedAt' | 'lastSeenAt' | 'acknowledgedAt' | 'resolvedAt'
> & {
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
};

const ALERT_LIST_COLUMNS = `a.id, a.dedup_key AS "dedupKey", a.type, a.status, a.severity,
  a.plan_id AS "planId", a.model_id AS "modelId", a.tenant_id AS "tenantId", a.slice_id AS "sliceId",
  a.subgroup, a.metric, a.title, a.evidence, a.last_run_id AS "lastRunId",
  a.seen_count AS "seenCount", a.clean_runs AS "cleanRuns",
  ${isoTimestampSql('a.opened_at')} AS "openedAt", ${isoTimestampSql('a.last_seen_at')} AS "lastSeenAt",
  ${isoTimestampSql('a.acknowledged_at')} AS "acknowledgedAt",
  ${isoTimestampSql('a.resolved_at')} AS "resolvedAt"`;

@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly notifier: AlertNotifier,
  ) {}

  /**
   * Newest activity first (last_seen_at, id), keyset-paginated; a customer sees its tenant's only.
   * Raw SQL, not entities: this is the on-call's hot read, and hydration was most of its cost.
   */
  async list(
    principal: Principal,
    query: ListAlertsQuery,
  ): Promise<{ items: AlertListItem[]; nextCursor: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    const scope = tenantScope(principal);
    if (scope) where((p) => `a.tenant_id = ${p}`, scope);
    if (query.tenant) {
      const tenant = await this.tenants.find(query.tenant).catch(() => null);
      if (!tenant || (scope && tenant.id !== scope)) return { items: [], nextCursor: null };
      where((p) => `a.tenant_id = ${p}`, tenant.id);
    }
    if (query.status) where((p) => `a.status = ${p}`, query.status);
    if (query.severity) where((p) => `a.severity = ${p}`, query.severity);
    if (query.type) where((p) => `a.type = ${p}`, query.type);
    if (query.model) where((p) => `a.model_id = ${p}`, query.model);
    if (query.plan) where((p) => `a.plan_id = ${p}`, query.plan);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      params.push(cursor.at, cursor.id);
      conditions.push(
        `(a.last_seen_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(query.limit + 1);
    const rows: (AlertListItem & { cursor_at: string })[] = await this.dataSource.query(
      `SELECT ${ALERT_LIST_COLUMNS}, ${CURSOR_AT} AS cursor_at FROM alerts a
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.last_seen_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = rows.length > query.limit ? page[page.length - 1] : null;
    return {
      items: page.map(({ cursor_at: _cursor, ...item }) => item),
      nextCursor: last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  }

  /** The alert with its history and every notification attempt. */
  async get(principal: Principal, id: string) {
    const alert = await this.find(principal, id);
    const [events, notifications] = await Promise.all([
      this.dataSource
        .getRepository(AlertEvent)
        .find({ where: { alertId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(Notification)
        .find({ where: { alertId: id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    return { ...alert, events, notifications };
  }

  acknowledge(principal: Principal, id: string, note: string | undefined) {
    return this.transition(principal, id, note, 'acknowledged', (alert) => {
      if (alert.status !== 'open')
        throw conflict(`alert ${id} is ${alert.status}: only an open alert can be acknowledged`);
      return { status: 'acknowledged', acknowledgedAt: new Date() };
    });
  }

  resolve(principal: Principal, id: string, note: string | undefined) {
    return this.transition(principal, id, note, 'resolved', (alert) => {
      if (alert.status === 'resolved') throw conflict(`alert ${id} is already resolved`);
      return { status: 'resolved', resolvedAt: new Date(), cleanRuns: 0 };
    });
  }

  /** One change of status under the plan's monitoring lock (no race with a finishing run), audited, then notified. */
  private async transition(
    principal: Principal,
    id: string,
    note: string | undefined,
    event: Extract<NotifiedEvent, 'acknowledged' | 'resolved'>,
    change: (
      alert: Alert,
    ) => Pick<Partial<Alert>, 'status' | 'acknowledgedAt' | 'resolvedAt' | 'cleanRuns'>,
  ) {
    const found = await this.find(principal, id);
    const { eventId, channels } = await this.dataSource.transaction(async (manager) => {
      await lockPlanMonitoring(manager, found.planId);
      const alert = await manager.getRepository(Alert).findOneByOrFail({ id });
      await manager.getRepository(Alert).update({ id }, change(alert));
      const eventId = await insertAlertEvent(manager, {
        alertId: id,
        event,
        actorKeyId: principal.keyId,
        note: note ?? null,
      });
      await this.audit.record(
        principal,
        event === 'acknowledged' ? 'acknowledge' : 'resolve',
        'alert',
        id,
        note ? { note } : {},
        manager,
      );
      const plan = await manager.getRepository(Plan).findOneBy({ id: alert.planId });
      return { eventId, channels: plan?.channels ?? [] };
    });
    await this.notifier.notify(id, eventId, event, channels);
    return this.get(principal, id);
  }

  private async find(principal: Principal, id: string): Promise<Alert> {
    const scope = tenantScope(principal);
    const alert = await this.dataSource
      .getRepository(Alert)
      .findOneBy({ id, ...(scope ? { tenantId: scope } : {}) });
    if (!alert) throw notFound('alert', id);
    return alert;
  }
}
