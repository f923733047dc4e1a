import type { EntityManager } from 'typeorm';
import { Alert, type AlertSeverity, type AlertStatus } from '../entities/alert.entity';
import { AlertEvent } from '../entities/alert-event.entity';
import { Notification } from '../entities/notification.entity';
import type { ChannelSpec } from '../entities/plan.entity';
import { isoTimestampSql } from './sql-timestamp';

/** The latest alert of a dedup key, as the state machine reads it. */
export interface AlertState {
  id: string;
  dedupKey: string;
  status: AlertStatus;
  severity: AlertSeverity;
  cleanRuns: number;
}

/** What a run writes into an alert it opens or sees again. */
export interface AlertFinding {
  severity: AlertSeverity;
  title: string;
  evidence: Record<string, unknown>;
  runId: string;
  modelId: string;
  /** The headline finding's metric and subgroup (an incident's list and dashboards show them). */
  metric?: string;
  subgroup?: string;
}

/** A finding to store with its incident (see @lastmile/monitoring FindingDraft). */
export interface FindingWrite {
  kind: string;
  metric: string;
  subgroup: string;
  severity: AlertSeverity;
  title: string;
  test: string | null;
  pValue: number | null;
  qValue: number | null;
  effect: number | null;
  evidence: Record<string, unknown>;
}

/** A stored finding as the API shows it. */
export interface FindingRow extends FindingWrite {
  id: string;
  alertId: string;
  runId: string | null;
  rank: number;
  createdAt: string;
}

/** A run's finding with the incident it belongs to. */
export interface RunFindingRow extends FindingRow {
  /** The incident's slice (null for a run's health). */
  sliceId: string | null;
  incidentType: string;
  incidentStatus: AlertStatus;
  incidentSeverity: AlertSeverity;
  incidentTitle: string;
}

export interface FindingListFilter {
  tenantId?: string | null;
  planId?: string;
  alertId?: string;
  metric?: string;
  kind?: string;
  status?: AlertStatus;
  limit: number;
}

export interface NewAlert extends AlertFinding {
  dedupKey: string;
  type: string;
  planId: string;
  tenantId: string | null;
  sliceId: string | null;
  subgroup: string;
  metric: string;
}

/**
 * A transition to store (the state machine's verdict, see @lastmile/monitoring alertTransition):
 * open, reopen, seen, clean, resolve (by clean runs or a person), acknowledge.
 */
export type AlertChange =
  | { action: 'open'; alert: NewAlert }
  | { action: 'reopen' | 'seen'; id: string; finding: AlertFinding }
  | { action: 'clean'; id: string; cleanRuns: number }
  | { action: 'resolve'; id: string; cleanRuns: number }
  | { action: 'acknowledge'; id: string };

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

export interface AlertListFilter {
  tenantId?: string | null;
  status?: AlertStatus;
  severity?: AlertSeverity;
  type?: string;
  modelId?: string;
  planId?: string;
  /** Opened before / after these instants (the incident's age). */
  openedBefore?: string;
  openedAfter?: string;
  /** Keyset position: last_seen_at (microseconds, as text) and id of the previous page's last row. */
  after?: { at: string; id: string };
  limit: number;
}

/** The alert and plan fields a notification message is built from. */
export interface AlertMessageRow {
  eventAt: Date;
  note: string | null;
  id: string;
  dedupKey: string;
  type: string;
  status: string;
  severity: AlertSeverity;
  title: string;
  planId: string;
  modelId: string;
  tenantId: string | null;
  sliceId: string | null;
  subgroup: string;
  metric: string;
  seenCount: number;
  openedAt: Date;
  lastRunId: string | null;
  evidence: Record<string, unknown>;
}

export interface NotifiedEventRow {
  id: string;
  alertId: string;
  event: string;
  channels: ChannelSpec[];
}

const LIST_COLUMNS = `a.id, a.dedup_key AS "dedupKey", a.type, a.status, a.severity,
  a.plan_id AS "planId", a.model_id AS "modelId", a.tenant_id AS "tenantId", a.slice_id AS "sliceId",
  a.subgroup, a.metric, a.title, a.evidence, a.last_run_id AS "lastRunId",
  a.seen_count AS "seenCount", a.clean_runs AS "cleanRuns",
  ${isoTimestampSql('a.opened_at')} AS "openedAt", ${isoTimestampSql('a.last_seen_at')} AS "lastSeenAt",
  ${isoTimestampSql('a.acknowledged_at')} AS "acknowledgedAt",
  ${isoTimestampSql('a.resolved_at')} AS "resolvedAt"`;
const FINDING_COLUMNS = `f.id::text AS id, f.alert_id AS "alertId", f.run_id AS "runId", f.kind, f.metric,
  f.subgroup, f.severity, f.title, f.test, f.p_value AS "pValue", f.q_value AS "qValue", f.effect, f.rank,
  f.evidence, ${isoTimestampSql('f.created_at')} AS "createdAt"`;

const finiteOrNull = (value: number | null) =>
  value === null || !Number.isFinite(value) ? null : value;

const CURSOR_AT = `to_char(a.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The alerts, alert_events and notifications tables: one unresolved alert per dedup key, changed
 * only as the alert state machine says (automatic and by people alike), its history, and every
 * delivery attempt.
 */
export class AlertsStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Serializes every change to one plan's alerts and baselines (a finishing run, an API ack or
   * resolve, a pin) for the rest of the transaction: no lost updates, no double transitions.
   */
  async lockPlan(planId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('lastmile:monitoring:' || $1))`, [
      planId,
    ]);
  }

  /** The latest alert of each key: the unresolved one if any, else the most recently opened. */
  latest(dedupKeys: readonly string[]): Promise<AlertState[]> {
    if (dedupKeys.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT DISTINCT ON (dedup_key) id, dedup_key AS "dedupKey", status, severity, clean_runs AS "cleanRuns"
         FROM alerts WHERE dedup_key = ANY($1::text[])
        ORDER BY dedup_key, (status <> 'resolved') DESC, opened_at DESC`,
      [dedupKeys],
    );
  }

  /** Stores one transition; answers the alert's id. */
  async apply(change: AlertChange): Promise<string> {
    switch (change.action) {
      case 'open': {
        const a = change.alert;
        const rows: { id: string }[] = await this.db.query(
          `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, tenant_id, slice_id, subgroup, metric, title, evidence, last_run_id)
           VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            a.dedupKey,
            a.type,
            a.severity,
            a.planId,
            a.modelId,
            a.tenantId,
            a.sliceId,
            a.subgroup,
            a.metric,
            a.title,
            a.evidence,
            a.runId,
          ],
        );
        return rows[0].id;
      }
      case 'reopen':
      case 'seen': {
        const f = change.finding;
        const reopen =
          change.action === 'reopen'
            ? `status = 'open', opened_at = now(), acknowledged_at = NULL, resolved_at = NULL,`
            : '';
        await this.db.query(
          `UPDATE alerts SET ${reopen} severity = $2, title = $3, evidence = $4, last_run_id = $5, model_id = $6,
             metric = coalesce($7, metric), subgroup = coalesce($8, subgroup),
             seen_count = seen_count + 1, clean_runs = 0, last_seen_at = now()
           WHERE id = $1`,
          [
            change.id,
            f.severity,
            f.title,
            f.evidence,
            f.runId,
            f.modelId,
            f.metric ?? null,
            f.subgroup ?? null,
          ],
        );
        return change.id;
      }
      case 'clean':
        await this.db.query('UPDATE alerts SET clean_runs = $2 WHERE id = $1', [
          change.id,
          change.cleanRuns,
        ]);
        return change.id;
      case 'resolve':
        await this.db.query(
          `UPDATE alerts SET status = 'resolved', clean_runs = $2, resolved_at = now() WHERE id = $1`,
          [change.id, change.cleanRuns],
        );
        return change.id;
      case 'acknowledge':
        await this.db.query(
          `UPDATE alerts SET status = 'acknowledged', acknowledged_at = now() WHERE id = $1`,
          [change.id],
        );
        return change.id;
    }
  }

  /** One run's ranked findings of an incident (rank 1 = the headline), in one statement. */
  async addFindings(
    alertId: string,
    runId: string | null,
    findings: readonly FindingWrite[],
  ): Promise<void> {
    if (findings.length === 0) return;
    await this.db.query(
      `INSERT INTO findings (alert_id, run_id, kind, metric, subgroup, severity, title, test, p_value, q_value, effect, rank, evidence)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                    $9::float8[], $10::float8[], $11::float8[], $12::int[], $13::jsonb[])`,
      [
        alertId,
        runId,
        findings.map((f) => f.kind),
        findings.map((f) => f.metric),
        findings.map((f) => f.subgroup),
        findings.map((f) => f.severity),
        findings.map((f) => f.title),
        findings.map((f) => f.test),
        findings.map((f) => finiteOrNull(f.pValue)),
        findings.map((f) => finiteOrNull(f.qValue)),
        findings.map((f) => finiteOrNull(f.effect)),
        findings.map((_, i) => i + 1),
        findings.map((f) => JSON.stringify(f.evidence)),
      ],
    );
  }

  /** The findings of an incident's latest run with findings, ranked. */
  latestFindings(alertId: string): Promise<FindingRow[]> {
    return this.db.query(
      `SELECT ${FINDING_COLUMNS} FROM findings f
        WHERE f.alert_id = $1 AND f.run_id IS NOT DISTINCT FROM (
          SELECT run_id FROM findings WHERE alert_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)
        ORDER BY f.rank`,
      [alertId],
    );
  }

  /**
   * Every finding one run raised, with its incident's type, status and title, by incident and
   * rank (the run report). Uses ix_findings_run.
   */
  findingsOfRun(runId: string): Promise<RunFindingRow[]> {
    return this.db.query(
      `SELECT ${FINDING_COLUMNS}, a.slice_id AS "sliceId", a.type AS "incidentType", a.status AS "incidentStatus",
              a.severity AS "incidentSeverity", a.title AS "incidentTitle"
         FROM findings f JOIN alerts a ON a.id = f.alert_id
        WHERE f.run_id = $1
        ORDER BY a.opened_at, a.id, f.rank`,
      [runId],
    );
  }

  /** Findings, newest first (dashboards and the API's /v1/findings). */
  listFindings(filter: FindingListFilter): Promise<FindingRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.tenantId) where((p) => `a.tenant_id = ${p}`, filter.tenantId);
    if (filter.planId) where((p) => `a.plan_id = ${p}`, filter.planId);
    if (filter.alertId) where((p) => `f.alert_id = ${p}`, filter.alertId);
    if (filter.metric) where((p) => `f.metric = ${p}`, filter.metric);
    if (filter.kind) where((p) => `f.kind = ${p}`, filter.kind);
    if (filter.status) where((p) => `a.status = ${p}`, filter.status);
    params.push(filter.limit);
    return this.db.query(
      `SELECT ${FINDING_COLUMNS} FROM findings f JOIN alerts a ON a.id = f.alert_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Records one transition in the alert's history; its id names the notifications it causes. */
  async addEvent(event: {
    alertId: string;
    event: string;
    actorKeyId?: string | null;
    note?: string | null;
    runId?: string | null;
  }): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      'INSERT INTO alert_events (alert_id, event, actor_key_id, note, run_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [
        event.alertId,
        event.event,
        event.actorKeyId ?? null,
        event.note ?? null,
        event.runId ?? null,
      ],
    );
    return String(rows[0].id);
  }

  /** An alert as a caller may see it: null when absent or (tenantId set) another tenant's. */
  findVisible(id: string, tenantId: string | null): Promise<Alert | null> {
    return this.db.getRepository(Alert).findOneBy({ id, ...(tenantId ? { tenantId } : {}) });
  }

  async history(id: string): Promise<{ events: AlertEvent[]; notifications: Notification[] }> {
    const [events, notifications] = await Promise.all([
      this.db
        .getRepository(AlertEvent)
        .find({ where: { alertId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.db
        .getRepository(Notification)
        .find({ where: { alertId: id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    return { events, notifications };
  }

  /**
   * Newest activity first (last_seen_at, id), keyset-paginated. Raw SQL, not entities: this is
   * the on-call's hot read, and hydration was most of its cost.
   */
  async list(
    filter: AlertListFilter,
  ): Promise<{ items: AlertListItem[]; next: { at: string; id: string } | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.tenantId) where((p) => `a.tenant_id = ${p}`, filter.tenantId);
    if (filter.status) where((p) => `a.status = ${p}`, filter.status);
    if (filter.severity) where((p) => `a.severity = ${p}`, filter.severity);
    if (filter.type) where((p) => `a.type = ${p}`, filter.type);
    if (filter.modelId) where((p) => `a.model_id = ${p}`, filter.modelId);
    if (filter.planId) where((p) => `a.plan_id = ${p}`, filter.planId);
    if (filter.openedBefore) where((p) => `a.opened_at < ${p}::timestamptz`, filter.openedBefore);
    if (filter.openedAfter) where((p) => `a.opened_at >= ${p}::timestamptz`, filter.openedAfter);
    if (filter.after) {
      params.push(filter.after.at, filter.after.id);
      conditions.push(
        `(a.last_seen_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit + 1);
    const rows: (AlertListItem & { cursor_at: string })[] = await this.db.query(
      `SELECT ${LIST_COLUMNS}, ${CURSOR_AT} AS cursor_at FROM alerts a
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.last_seen_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    const last = rows.length > filter.limit ? page[page.length - 1] : null;
    return {
      items: page.map(({ cursor_at: _cursor, ...item }) => item),
      next: last ? { at: last.cursor_at, id: last.id } : null,
    };
  }

  /** Unresolved incidents per plan and severity (the console's plan list). */
  async unresolvedCounts(
    planIds: readonly string[],
  ): Promise<Map<string, Partial<Record<AlertSeverity, number>>>> {
    const counts = new Map<string, Partial<Record<AlertSeverity, number>>>();
    if (planIds.length === 0) return counts;
    const rows: { planId: string; severity: AlertSeverity; n: number }[] = await this.db.query(
      `SELECT plan_id AS "planId", severity, count(*)::int AS n FROM alerts
        WHERE plan_id = ANY($1::uuid[]) AND status <> 'resolved' GROUP BY plan_id, severity`,
      [planIds],
    );
    for (const row of rows)
      counts.set(row.planId, { ...counts.get(row.planId), [row.severity]: row.n });
    return counts;
  }

  /** The alert of one event as it stands, with the event's own note and time. */
  async message(alertEventId: string): Promise<AlertMessageRow | null> {
    const rows: AlertMessageRow[] = await this.db.query(
      `SELECT e.at AS "eventAt", e.note, a.id, a.dedup_key AS "dedupKey", a.type, a.status, a.severity, a.title,
              a.plan_id AS "planId", a.model_id AS "modelId", a.tenant_id AS "tenantId", a.slice_id AS "sliceId",
              a.subgroup, a.metric, a.seen_count AS "seenCount", a.opened_at AS "openedAt",
              a.last_run_id AS "lastRunId", a.evidence
         FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE e.id = $1`,
      [alertEventId],
    );
    return rows[0] ?? null;
  }

  /** One delivery attempt. */
  async recordDelivery(attempt: {
    alertId: string;
    channelKey: string;
    event: string;
    idempotencyKey: string;
    attempt: number;
    delivered: boolean;
    responseStatus: number | null;
    error: string | null;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO notifications (alert_id, channel_key, event, idempotency_key, attempt, status, response_status, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        attempt.alertId,
        attempt.channelKey,
        attempt.event,
        attempt.idempotencyKey,
        attempt.attempt,
        attempt.delivered ? 'delivered' : 'failed',
        attempt.responseStatus,
        attempt.error,
      ],
    );
  }

  /** Notified events of the past day older than `graceSeconds`, with their plan's channels. */
  recentNotifiedEvents(
    events: readonly string[],
    graceSeconds: number,
  ): Promise<NotifiedEventRow[]> {
    return this.db.query(
      `SELECT e.id::text AS id, e.alert_id AS "alertId", e.event, p.channels
         FROM alert_events e JOIN alerts a ON a.id = e.alert_id JOIN plans p ON p.id = a.plan_id
        WHERE e.event = ANY($1::text[]) AND jsonb_array_length(p.channels) > 0
          AND e.at < now() - make_interval(secs => $2) AND e.at > now() - interval '1 day'`,
      [events, graceSeconds],
    );
  }

  /** Which of these idempotency keys have at least one delivery attempt. */
  async attempted(idempotencyKeys: readonly string[]): Promise<Set<string>> {
    if (idempotencyKeys.length === 0) return new Set();
    const rows: { idempotency_key: string }[] = await this.db.query(
      'SELECT DISTINCT idempotency_key FROM notifications WHERE idempotency_key = ANY($1::text[])',
      [idempotencyKeys],
    );
    return new Set(rows.map((row) => row.idempotency_key));
  }

  /** Channels whose last three delivery attempts in the past hour all failed. */
  failingChannels(): Promise<{ channel: string; lastError: string | null; lastAttemptAt: Date }[]> {
    return this.db.query(`
      SELECT channel_key AS channel, (array_agg(error ORDER BY at DESC))[1] AS "lastError", max(at) AS "lastAttemptAt"
      FROM (
        SELECT channel_key, status, error, at,
               row_number() OVER (PARTITION BY channel_key ORDER BY at DESC) AS recent
        FROM notifications WHERE at > now() - interval '1 hour'
      ) attempts
      WHERE recent <= 3
      GROUP BY channel_key
      HAVING bool_and(status = 'failed') AND count(*) = 3`);
  }
}
