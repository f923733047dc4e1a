import type { EntityManager } from 'typeorm';
import type { ReviewJudge } from '../entities/review.entity';

/**
 * Whose review tasks a caller reaches: every tenant's (admin, operator roles), or one owner's —
 * a tenant's, or with tenantId null the operator's own runs (runs without a tenant).
 */
export type ReviewScope = { all: true } | { all: false; tenantId: string | null };

/** A task as the sampler writes it (run end). */
export interface NewReviewTask {
  runId: string;
  scenarioId: string;
  tenantId: string | null;
  sliceId: string;
  itemKey: string;
  sample: number;
  stratum: string;
  judgeId: string;
  judge: ReviewJudge;
  judgeLabel: string;
  judgeScore: number | null;
  judgeSpread: number;
}

export interface ReviewTaskRow extends NewReviewTask {
  id: string;
  createdAt: string;
}

/** Why the queue handed out a task (the priority it was picked at). */
export type ReviewReason =
  'judge_and_people_disagree' | 'judge_samples_disagree' | 'second_opinion' | 'sampled';

/** The next task for a reviewer, with what they need to label it (never the judge's verdict). */
export interface NextReview {
  task: ReviewTaskRow;
  reason: ReviewReason;
  labels: number;
  planId: string | null;
  /** The item's input and (multiple choice) its choices: what the judge was shown. */
  input: string | null;
  choices: string[] | null;
  answer: string | null;
  reference: string | null;
  attributes: Record<string, string>;
}

export interface NewReviewLabel {
  taskId: string;
  reviewerKeyId: string;
  label: string;
  score: number | null;
  note: string | null;
}

export interface ReviewLabelRow extends NewReviewLabel {
  id: string;
  createdAt: string;
}

/** A labelled task with every person's label, for the agreement statistics. */
export interface LabelledTask {
  taskId: string;
  runId: string;
  itemKey: string;
  stratum: string;
  judgeId: string;
  judge: ReviewJudge;
  judgeLabel: string;
  judgeScore: number | null;
  labels: { reviewerKeyId: string; label: string; score: number | null }[];
}

export interface ReviewFilter {
  scenarioId?: string;
  planId?: string;
}

/** People wanted per task: two, so that people can be compared; three where anyone disagrees. */
export const LABELS_WANTED = 2;
export const LABELS_WANTED_ON_DISAGREEMENT = 3;

const TASK_COLUMNS = `t.id, t.run_id AS "runId", t.scenario_id AS "scenarioId", t.tenant_id AS "tenantId",
  t.slice_id AS "sliceId", t.item_key AS "itemKey", t.sample, t.stratum, t.judge_id AS "judgeId", t.judge,
  t.judge_label AS "judgeLabel", t.judge_score AS "judgeScore", t.judge_spread AS "judgeSpread",
  t.created_at AS "createdAt"`;

/** `(scope)` over review_tasks t, its parameters starting at $index. */
function scopeSql(scope: ReviewScope, index: number): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: 'true', params: [] };
  return { sql: `t.tenant_id IS NOT DISTINCT FROM $${index}::uuid`, params: [scope.tenantId] };
}

/**
 * The review queue's tables: tasks sampled from runs, people's labels, and the reads the queue
 * and the agreement statistics make of them. Every read takes the caller's scope.
 */
export class ReviewsStore {
  constructor(private readonly db: EntityManager) {}

  /** Stores sampled tasks; a task already sampled (a run announced twice) is kept as it was. */
  async addTasks(tasks: readonly NewReviewTask[]): Promise<number> {
    if (tasks.length === 0) return 0;
    const columns = 12;
    const values: unknown[] = [];
    const rows = tasks.map((task, i) => {
      values.push(
        task.runId,
        task.scenarioId,
        task.tenantId,
        task.sliceId,
        task.itemKey,
        task.sample,
        task.stratum,
        task.judgeId,
        JSON.stringify(task.judge),
        task.judgeLabel,
        task.judgeScore,
        task.judgeSpread,
      );
      const at = i * columns;
      return `(${Array.from({ length: columns }, (_, c) => `$${at + c + 1}`).join(', ')})`;
    });
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO review_tasks (run_id, scenario_id, tenant_id, slice_id, item_key, sample, stratum,
                                 judge_id, judge, judge_label, judge_score, judge_spread)
       VALUES ${rows.join(', ')}
       ON CONFLICT (run_id, slice_id, item_key, sample) DO NOTHING RETURNING id`,
      values,
    );
    return inserted.length;
  }

  /** Whether a run's answers were already sampled (the sampler runs once per run). */
  async sampledRun(runId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM review_tasks WHERE run_id = $1 LIMIT 1',
      [runId],
    );
    return rows.length > 0;
  }

  /**
   * The task a reviewer should label next, in the scope they reach: first tasks where the judge
   * and people (or people among themselves) disagree and another opinion is wanted, then tasks
   * whose judge samples disagreed, then a second opinion on tasks one person labelled, then the
   * rest. Within a priority, the group with the fewest labels so far comes first (stratified by
   * group). Never a task this reviewer labelled; null when nothing is left.
   */
  async next(
    scope: ReviewScope,
    reviewerKeyId: string,
    filter: ReviewFilter = {},
  ): Promise<NextReview | null> {
    const params: unknown[] = [reviewerKeyId, filter.scenarioId ?? null, filter.planId ?? null];
    const where = scopeSql(scope, params.length + 1);
    params.push(...where.params, LABELS_WANTED, LABELS_WANTED_ON_DISAGREEMENT);
    const wanted = params.length - 1;
    const rows: (ReviewTaskRow & Omit<NextReview, 'task'>)[] = await this.db.query(
      `WITH scoped AS (
         SELECT t.*, r.plan_id,
                coalesce(l.n, 0) AS labels, coalesce(l.mine, false) AS mine,
                coalesce(l.disagree, false) AS disagree
           FROM review_tasks t
           JOIN runs r ON r.id = t.run_id
           LEFT JOIN LATERAL (
             SELECT count(*)::int AS n,
                    bool_or(x.reviewer_key_id = $1::uuid) AS mine,
                    bool_or(x.label <> t.judge_label) AS disagree
               FROM review_labels x WHERE x.task_id = t.id) l ON true
          WHERE ${where.sql}
            AND ($2::uuid IS NULL OR t.scenario_id = $2::uuid)
            AND ($3::uuid IS NULL OR r.plan_id = $3::uuid)),
       strata AS (SELECT stratum, sum(labels) AS stratum_labels FROM scoped GROUP BY stratum),
       candidates AS (
         SELECT s.*, st.stratum_labels,
                CASE WHEN s.labels > 0 AND s.disagree THEN 0
                     WHEN s.labels = 0 AND s.judge_spread > 0 THEN 1
                     WHEN s.labels > 0 THEN 2 ELSE 3 END AS priority
           FROM scoped s JOIN strata st ON st.stratum = s.stratum
          WHERE NOT s.mine
            AND s.labels < CASE WHEN s.disagree THEN $${wanted + 1}::int ELSE $${wanted}::int END)
       SELECT ${TASK_COLUMNS}, t.plan_id AS "planId", t.labels,
              CASE t.priority WHEN 0 THEN 'judge_and_people_disagree'
                              WHEN 1 THEN 'judge_samples_disagree'
                              WHEN 2 THEN 'second_opinion' ELSE 'sampled' END AS reason,
              i.input, i.choices, i.references->>0 AS reference,
              coalesce(i.attributes, '{}'::jsonb) AS attributes, ir.response AS answer
         FROM candidates t
         LEFT JOIN slice_items i ON i.slice_id = t.slice_id AND i.item_key = t.item_key
         LEFT JOIN instance_results ir ON ir.run_id = t.run_id AND ir.slice_id = t.slice_id
                                      AND ir.item_key = t.item_key AND ir.sample = t.sample
        ORDER BY t.priority, t.stratum_labels, t.id
        LIMIT 1`,
      params,
    );
    if (rows.length === 0) return null;
    const { reason, labels, planId, input, choices, answer, reference, attributes, ...task } =
      rows[0];
    return { task, reason, labels, planId, input, choices, answer, reference, attributes };
  }

  /** A task in the caller's scope, or null (another tenant's task is not found, not forbidden). */
  async find(id: string, scope: ReviewScope): Promise<ReviewTaskRow | null> {
    const where = scopeSql(scope, 2);
    const rows: ReviewTaskRow[] = await this.db.query(
      `SELECT ${TASK_COLUMNS} FROM review_tasks t WHERE t.id = $1 AND ${where.sql}`,
      [id, ...where.params],
    );
    return rows[0] ?? null;
  }

  /** Stores a person's label; null when this reviewer already labelled the task. */
  async addLabel(label: NewReviewLabel): Promise<ReviewLabelRow | null> {
    const rows: ReviewLabelRow[] = await this.db.query(
      `INSERT INTO review_labels (task_id, reviewer_key_id, label, score, note)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id, reviewer_key_id) DO NOTHING
       RETURNING id, task_id AS "taskId", reviewer_key_id AS "reviewerKeyId", label, score, note,
                 created_at AS "createdAt"`,
      [label.taskId, label.reviewerKeyId, label.label, label.score, label.note],
    );
    return rows[0] ?? null;
  }

  /** Every labelled task of a scenario in scope, with its labels (oldest first). */
  labelled(
    scope: ReviewScope,
    filter: ReviewFilter & { scenarioId: string },
  ): Promise<LabelledTask[]> {
    const where = scopeSql(scope, 3);
    return this.db.query(
      `SELECT t.id AS "taskId", t.run_id AS "runId", t.item_key AS "itemKey", t.stratum,
              t.judge_id AS "judgeId", t.judge, t.judge_label AS "judgeLabel",
              t.judge_score AS "judgeScore",
              jsonb_agg(jsonb_build_object('reviewerKeyId', x.reviewer_key_id, 'label', x.label,
                                           'score', x.score) ORDER BY x.id) AS labels
         FROM review_tasks t
         JOIN runs r ON r.id = t.run_id
         JOIN review_labels x ON x.task_id = t.id
        WHERE t.scenario_id = $1::uuid AND ($2::uuid IS NULL OR r.plan_id = $2::uuid)
          AND ${where.sql}
        GROUP BY t.id
        ORDER BY t.created_at, t.id`,
      [filter.scenarioId, filter.planId ?? null, ...where.params],
    );
  }
}
