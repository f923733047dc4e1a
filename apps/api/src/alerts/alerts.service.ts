import { Injectable } from '@nestjs/common';
import { alertTransition, type NotifiedEvent } from '@lastmile/monitoring';
import { Database, type AlertListItem, type FindingRow } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { conflict, notFound } from '../common/problem.exception';
import { tenantScope, type Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';
import { decodeCursor, encodeCursor } from './alert-cursor';
import type { ListAlertsQuery, ListFindingsQuery } from './alert.dto';
import { AlertNotifier } from './alert-notifier';

export type { AlertListItem } from '@lastmile/persistence';

@Injectable()
export class AlertsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
    private readonly notifier: AlertNotifier,
  ) {}

  /** Newest activity first, keyset-paginated; a customer sees its tenant's only. */
  async list(
    principal: Principal,
    query: ListAlertsQuery,
  ): Promise<{ items: AlertListItem[]; nextCursor: string | null }> {
    const scope = tenantScope(principal);
    let tenantId = scope;
    if (query.tenant) {
      const tenant = await this.tenants.find(query.tenant).catch(() => null);
      if (!tenant || (scope && tenant.id !== scope)) return { items: [], nextCursor: null };
      tenantId = tenant.id;
    }
    const { items, next } = await this.database.stores.alerts.list({
      tenantId,
      status: query.status,
      severity: query.severity,
      type: query.type,
      modelId: query.model,
      planId: query.plan,
      openedBefore: query.openedBefore,
      openedAfter: query.openedAfter,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit,
    });
    return { items, nextCursor: next ? encodeCursor(next) : null };
  }

  /** The incident with its latest run's ranked findings, its history and every notification attempt. */
  async get(principal: Principal, id: string) {
    const alert = await this.find(principal, id);
    const { alerts } = this.database.stores;
    return { ...alert, findings: await alerts.latestFindings(id), ...(await alerts.history(id)) };
  }

  /** Findings, newest first, of the caller's visible incidents (one row per metric × subgroup × run). */
  findings(principal: Principal, query: ListFindingsQuery): Promise<FindingRow[]> {
    return this.database.stores.alerts.listFindings({
      tenantId: tenantScope(principal),
      planId: query.plan,
      alertId: query.alert,
      metric: query.metric,
      kind: query.kind,
      status: query.status,
      limit: query.limit,
    });
  }

  acknowledge(principal: Principal, id: string, note: string | undefined) {
    return this.transition(principal, id, note, { kind: 'acknowledge' });
  }

  resolve(principal: Principal, id: string, note: string | undefined) {
    return this.transition(principal, id, note, { kind: 'resolve' });
  }

  /**
   * A person's change of status, through the same state machine as the monitor's, under the
   * plan's monitoring lock (no race with a finishing run), audited, then notified.
   */
  private async transition(
    principal: Principal,
    id: string,
    note: string | undefined,
    action: { kind: 'acknowledge' | 'resolve' },
  ) {
    const found = await this.find(principal, id);
    const { eventId, event, channels } = await this.database.transaction(async (stores) => {
      await stores.alerts.lockPlan(found.planId);
      // Read again under the lock: a finishing run may have just changed it.
      const alert = await stores.alerts.findVisible(id, null);
      const transition = alertTransition(alert, action, 0);
      if (transition.action === 'refuse') throw conflict(`alert ${id}: ${transition.reason}`);
      if (transition.action === 'acknowledge')
        await stores.alerts.apply({ action: 'acknowledge', id });
      else if (transition.action === 'resolve')
        await stores.alerts.apply({ action: 'resolve', id, cleanRuns: transition.cleanRuns });
      const event = transition.notify as Extract<NotifiedEvent, 'acknowledged' | 'resolved'>;
      const eventId = await stores.alerts.addEvent({
        alertId: id,
        event,
        actorKeyId: principal.keyId,
        note: note ?? null,
      });
      await this.audit.record(principal, action.kind, 'alert', id, note ? { note } : {}, stores);
      const plan = await stores.plans.find(found.planId);
      return { eventId, event, channels: plan?.channels ?? [] };
    });
    await this.notifier.notify(id, eventId, event, channels);
    return this.get(principal, id);
  }

  private async find(principal: Principal, id: string) {
    const alert = await this.database.stores.alerts.findVisible(id, tenantScope(principal));
    if (!alert) throw notFound('alert', id);
    return alert;
  }
}
