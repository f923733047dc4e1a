import type { EntityManager } from 'typeorm';
import { ModelCard, ModelCardNotes } from '../entities/model-card.entity';
import type { AlertPolicy, WatchedSubgroup } from '../entities/plan.entity';
import type { Provenance } from '../entities/run.entity';
import { isoTimestampSql } from './sql-timestamp';

/**
 * Whose data a card is built from: everything (operator roles), or public slices and runs plus one
 * customer tenant's — another tenant's never appear, not even as counts.
 */
export type CardScope = { kind: 'all' } | { kind: 'tenant'; tenantId: string };

export const cardScopeKey = (scope: CardScope) =>
  scope.kind === 'all' ? 'all' : `tenant:${scope.tenantId}`;
const tenantParam = (scope: CardScope) => (scope.kind === 'all' ? null : scope.tenantId);

// $2 is the scope's tenant (NULL: everything). Bounty programs' plans and slices are sealed
// evaluation pools: they never feed a card.
const IN_SCOPE = (column: string) => `($2::uuid IS NULL OR ${column} IS NULL OR ${column} = $2)`;
const NOT_A_PROGRAM_PLAN = (column: string) =>
  `NOT EXISTS (SELECT 1 FROM bounty_programs bp WHERE bp.plan_id = ${column})`;
const FINISHED = `r.status IN ('succeeded', 'partial')`;
// A regeneration of a card version at least as late as the last one stored replaces its content.
const LATER = 'EXCLUDED.last_generated_at >= model_cards.last_generated_at';

/** The latest finished run of a live plan on one slice: one evaluation on a card. */
export interface CardEvaluationRow {
  planId: string;
  planName: string;
  seed: number;
  sampleSize: number | null;
  alertPolicy: AlertPolicy;
  watchedSubgroups: WatchedSubgroup[];
  scenarioId: string;
  scenarioName: string;
  scenarioKind: string;
  scenarioConfig: Record<string, unknown>;
  sliceId: string;
  sliceName: string;
  sliceVersion: number;
  sliceItems: number;
  sliceAttributes: Record<string, string[]>;
  /** True for a slice of the scope's tenant; false for a public (built-in) one. */
  sliceOwned: boolean;
  runId: string;
  runStatus: string;
  finishedAt: string;
  provenance: Provenance | null;
}

export interface CardMetricRow {
  runId: string;
  sliceId: string;
  subgroup: string;
  name: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

/** An alert or incident of the model's plans, read only through the columns incidents keep. */
export interface CardIncidentRow {
  id: string;
  type: string;
  status: string;
  severity: string;
  title: string;
  openedAt: string;
  resolvedAt: string | null;
  planId: string;
  planName: string;
  sliceId: string | null;
  sliceName: string | null;
  sliceVersion: number | null;
}

export interface CardHistoryRow {
  id: string;
  versionKey: string;
  runsHash: string;
  contentHash: string;
  runIds: string[];
  generatedAt: string;
  lastGeneratedAt: string;
  generationCount: number;
}

/**
 * What service cards read and write: the model's evaluations in a scope, their metrics, its
 * incidents, the hand-written notes, and the history of generated cards.
 */
export class CardsStore {
  constructor(private readonly db: EntityManager) {}

  evaluations(modelId: string, scope: CardScope): Promise<CardEvaluationRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (p.id, s.id)
              p.id AS "planId", p.name AS "planName", p.seed, p.sample_size AS "sampleSize",
              p.alert_policy AS "alertPolicy", p.watched_subgroups AS "watchedSubgroups",
              sc.id AS "scenarioId", sc.name AS "scenarioName", sc.kind AS "scenarioKind",
              sc.config AS "scenarioConfig", s.id AS "sliceId", s.name AS "sliceName",
              s.version AS "sliceVersion", s.item_count AS "sliceItems", s.attributes AS "sliceAttributes",
              (s.tenant_id IS NOT NULL) AS "sliceOwned", r.id AS "runId", r.status AS "runStatus",
              ${isoTimestampSql('r.finished_at')} AS "finishedAt", r.provenance
         FROM runs r
         JOIN plans p ON p.id = r.plan_id AND p.deleted_at IS NULL
         JOIN scenarios sc ON sc.id = r.scenario_id
         JOIN metrics m ON m.run_id = r.id AND m.subgroup = 'all'
         JOIN slices s ON s.id = m.slice_id AND s.program_id IS NULL
        WHERE r.model_id = $1 AND ${FINISHED} AND ${IN_SCOPE('r.tenant_id')}
          AND ${IN_SCOPE('s.tenant_id')} AND ${NOT_A_PROGRAM_PLAN('r.plan_id')}
        ORDER BY p.id, s.id, r.finished_at DESC, r.id DESC`,
      [modelId, tenantParam(scope)],
    );
  }

  /** Every metric of these (run, slice) pairs. */
  metricsOf(pairs: readonly { runId: string; sliceId: string }[]): Promise<CardMetricRow[]> {
    if (pairs.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT m.run_id AS "runId", m.slice_id AS "sliceId", m.subgroup, m.name, m.value,
              m.ci_low AS "ciLow", m.ci_high AS "ciHigh", m.n
         FROM metrics m JOIN unnest($1::uuid[], $2::uuid[]) AS k(run_id, slice_id)
           ON m.run_id = k.run_id AND m.slice_id = k.slice_id
        ORDER BY m.run_id, m.slice_id, m.name, m.subgroup`,
      [pairs.map((p) => p.runId), pairs.map((p) => p.sliceId)],
    );
  }

  /** First and last finished evaluation in scope, and how many finished runs there were. */
  async span(
    modelId: string,
    scope: CardScope,
  ): Promise<{ first: string | null; last: string | null; runs: number }> {
    const [row] = await this.db.query(
      `SELECT ${isoTimestampSql('min(r.finished_at)')} AS first, ${isoTimestampSql('max(r.finished_at)')} AS last,
              count(*)::int AS runs
         FROM runs r WHERE r.model_id = $1 AND r.plan_id IS NOT NULL AND ${FINISHED}
          AND ${IN_SCOPE('r.tenant_id')} AND ${NOT_A_PROGRAM_PLAN('r.plan_id')}`,
      [modelId, tenantParam(scope)],
    );
    return row;
  }

  /** Live plans of the model, in scope, and whether each ever finished a run. */
  plans(
    modelId: string,
    scope: CardScope,
  ): Promise<{ planId: string; planName: string; scenarioId: string; finishedRuns: number }[]> {
    return this.db.query(
      `SELECT p.id AS "planId", p.name AS "planName", p.scenario_id AS "scenarioId",
              (SELECT count(*)::int FROM runs r WHERE r.plan_id = p.id AND ${FINISHED}) AS "finishedRuns"
         FROM plans p
        WHERE p.model_id = $1 AND p.deleted_at IS NULL AND ${IN_SCOPE('p.tenant_id')}
          AND ${NOT_A_PROGRAM_PLAN('p.id')}
        ORDER BY p.name, p.id`,
      [modelId, tenantParam(scope)],
    );
  }

  /** Ids of the scenarios any finished run of the model in scope used. */
  async scenariosRun(modelId: string, scope: CardScope): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT r.scenario_id AS id FROM runs r
        WHERE r.model_id = $1 AND r.scenario_id IS NOT NULL AND ${FINISHED}
          AND ${IN_SCOPE('r.tenant_id')} AND (r.plan_id IS NULL OR ${NOT_A_PROGRAM_PLAN('r.plan_id')})`,
      [modelId, tenantParam(scope)],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Alerts (incidents) of the model's plans opened, still unresolved, or resolved since `since`,
   * newest first, in scope (the alert's tenant and its slice's).
   */
  incidents(
    modelId: string,
    scope: CardScope,
    since: Date,
    limit = 200,
  ): Promise<CardIncidentRow[]> {
    return this.db.query(
      `SELECT a.id, a.type, a.status, a.severity, a.title,
              ${isoTimestampSql('a.opened_at')} AS "openedAt", ${isoTimestampSql('a.resolved_at')} AS "resolvedAt",
              a.plan_id AS "planId", p.name AS "planName", a.slice_id AS "sliceId",
              s.name AS "sliceName", s.version AS "sliceVersion"
         FROM alerts a
         JOIN plans p ON p.id = a.plan_id
         LEFT JOIN slices s ON s.id = a.slice_id
        WHERE p.model_id = $1 AND ${IN_SCOPE('a.tenant_id')}
          AND (a.slice_id IS NULL OR ${IN_SCOPE('s.tenant_id')})
          AND ${NOT_A_PROGRAM_PLAN('a.plan_id')}
          AND (a.resolved_at IS NULL OR a.resolved_at >= $3 OR a.opened_at >= $3)
        ORDER BY a.opened_at DESC, a.id LIMIT $4`,
      [modelId, tenantParam(scope), since, limit],
    );
  }

  notes(modelId: string): Promise<ModelCardNotes | null> {
    return this.db.getRepository(ModelCardNotes).findOneBy({ modelId });
  }

  /** Sets the given fields (null clears one), leaving the others as they were. */
  async saveNotes(
    modelId: string,
    fields: Partial<Pick<ModelCardNotes, 'intendedUse' | 'outOfScope' | 'contact'>>,
    keyId: string | null,
  ): Promise<ModelCardNotes> {
    const current = await this.notes(modelId);
    return this.db.getRepository(ModelCardNotes).save({
      intendedUse: null,
      outOfScope: null,
      contact: null,
      ...current,
      ...fields,
      modelId,
      updatedAt: new Date(),
      updatedByKeyId: keyId,
    });
  }

  /**
   * Records a generated card: a new row for a version never generated before in this scope, else
   * the version's row counts one more generation and keeps the latest one's content (a card
   * generated for an earlier time than the last leaves it as it is). Answers the row's id and
   * first generation time.
   */
  async record(card: {
    modelId: string;
    scope: CardScope;
    versionKey: string;
    runsHash: string;
    contentHash: string;
    runIds: string[];
    content: Record<string, unknown>;
    generatedAt: Date;
  }): Promise<{ id: string; generatedAt: string }> {
    const [row] = await this.db.query(
      `INSERT INTO model_cards (model_id, scope, tenant_id, version_key, runs_hash, content_hash, run_ids, content, generated_at, last_generated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (model_id, scope, version_key) DO UPDATE SET
         content = CASE WHEN ${LATER} THEN EXCLUDED.content ELSE model_cards.content END,
         content_hash = CASE WHEN ${LATER} THEN EXCLUDED.content_hash ELSE model_cards.content_hash END,
         last_generated_at = GREATEST(model_cards.last_generated_at, EXCLUDED.last_generated_at),
         generation_count = model_cards.generation_count + 1
       RETURNING id, ${isoTimestampSql('generated_at')} AS "generatedAt"`,
      [
        card.modelId,
        cardScopeKey(card.scope),
        tenantParam(card.scope),
        card.versionKey,
        card.runsHash,
        card.contentHash,
        card.runIds,
        card.content,
        card.generatedAt,
      ],
    );
    return row;
  }

  /** The card versions of a model in one scope, newest first (without their content). */
  history(modelId: string, scope: CardScope, limit = 100): Promise<CardHistoryRow[]> {
    return this.db.query(
      `SELECT id, version_key AS "versionKey", runs_hash AS "runsHash", content_hash AS "contentHash", run_ids AS "runIds",
              ${isoTimestampSql('generated_at')} AS "generatedAt",
              ${isoTimestampSql('last_generated_at')} AS "lastGeneratedAt",
              generation_count AS "generationCount"
         FROM model_cards WHERE model_id = $1 AND scope = $2
        ORDER BY generated_at DESC, id LIMIT $3`,
      [modelId, cardScopeKey(scope), limit],
    );
  }

  /** One card version of a model in a scope, with its latest content; null in any other scope. */
  find(modelId: string, scope: CardScope, id: string): Promise<ModelCard | null> {
    return this.db.getRepository(ModelCard).findOneBy({ id, modelId, scope: cardScopeKey(scope) });
  }
}
