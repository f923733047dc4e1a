import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { insertAlertEvent, lockPlanMonitoring, type NotifiedEvent } from '@lastmile/monitoring';
import { Alert, AlertEvent, Notification, Plan } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { conflict, notFound } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import { decodeCursor, encodeCursor } from './alert-cursor';
import type { ListAlertsQuery } from './alert.dto';
import { AlertNotifier } from './alert-notifier';

const CURSOR_AT = `to_char(a.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly notifier: AlertNotifier,
  ) {}

  /** Newest activity first (last_seen_at, id), keyset-paginated; a customer sees its tenant's only. */
  async list(
    principal: Principal,
    query: ListAlertsQuery,
  ): Promise<{ items: Alert[]; nextCursor: string | null }> {
    const qb = this.dataSource.getRepository(Alert).createQueryBuilder('a');
    const scope = tenantScope(principal);
    if (scope) qb.andWhere('a.tenant_id = :scope', { scope });
    if (query.tenant) {
      const tenant = await this.tenants.find(query.tenant).catch(() => null);
      if (!tenant || (scope && tenant.id !== scope)) return { items: [], nextCursor: null };
      qb.andWhere('a.tenant_id = :tenantId', { tenantId: tenant.id });
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.severity) qb.andWhere('a.severity = :severity', { severity: query.severity });
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.model) qb.andWhere('a.model_id = :model', { model: query.model });
    if (query.plan) qb.andWhere('a.plan_id = :plan', { plan: query.plan });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere('(a.last_seen_at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', cursor);
    }
    qb.addSelect(CURSOR_AT, 'cursor_at')
      .orderBy('a.last_seen_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(query.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    const items = entities.slice(0, query.limit);
    const last =
      items.length === query.limit && entities.length > query.limit ? raw[query.limit - 1] : null;
    return {
      items,
      nextCursor: last
        ? encodeCursor({ at: last.cursor_at, id: items[items.length - 1].id })
        : null,
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
