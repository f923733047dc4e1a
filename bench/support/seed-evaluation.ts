import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { adapterSpecHash, parseAdapterSpec } from '@lastmile/adapters';
import { JOB_EXECUTE_RUN, type ExecuteRunJob } from '@lastmile/queue';

export interface SeededEvaluation {
  planId: string;
  modelId: string;
  scenarioId: string;
  sliceId: string;
  items: number;
}

/**
 * A qa model, scenario, slice and plan written straight into a migrated database; the slice's
 * rows come from generate_series (the same questions as qaItems()), so 100,000 items take seconds.
 */
export async function seedQaEvaluation(
  dataSource: DataSource,
  options: { items: number; baseUrl: string; concurrency: number; name: string },
): Promise<SeededEvaluation> {
  const spec = parseAdapterSpec({
    kind: 'openai-chat',
    baseUrl: options.baseUrl,
    model: 'bench-model',
    limits: { concurrency: options.concurrency },
  });
  const [model] = await dataSource.query(
    `INSERT INTO models (name, version, modality, adapter, adapter_hash) VALUES ($1, 'fixture', 'text', $2, $3) RETURNING id`,
    [options.name, JSON.stringify(spec), adapterSpecHash(spec)],
  );
  const [scenario] = await dataSource.query(
    `INSERT INTO scenarios (name, kind, config) VALUES ($1, 'qa', '{}') RETURNING id`,
    [options.name],
  );
  const [slice] = await dataSource.query(
    `INSERT INTO slices (name, version, content_hash, modality, item_count, attributes)
     VALUES ($1, 1, md5($1), 'text', $2, '{"topic":["arithmetic","geography","history","science"]}') RETURNING id`,
    [options.name, options.items],
  );
  await dataSource.query(
    `INSERT INTO slice_items (slice_id, item_key, ordinal, input, "references", attributes)
     SELECT $1, 'q' || i, i, format('Item %s: what is %s plus %s?', i, (i * 7919) % 1000, (i * 104729) % 1000),
            jsonb_build_array(((i * 7919) % 1000 + (i * 104729) % 1000)::text),
            jsonb_build_object('topic', (ARRAY['arithmetic','geography','history','science'])[i % 4 + 1])
     FROM generate_series(0::bigint, $2::bigint - 1) AS i`,
    [slice.id, options.items],
  );
  const [plan] = await dataSource.query(
    `INSERT INTO plans (name, model_id, scenario_id, slice_ids, enabled, baseline_policy, alert_policy)
     VALUES ($1, $2, $3, ARRAY[$4]::uuid[], false, '{"kind":"first_n","n":1}',
             '{"alpha":0.05,"minEffect":0.02,"severity":{"warning":0.02,"critical":0.1},"autoResolveAfter":2}') RETURNING id`,
    [options.name, model.id, scenario.id, slice.id],
  );
  return {
    planId: plan.id,
    modelId: model.id,
    scenarioId: scenario.id,
    sliceId: slice.id,
    items: options.items,
  };
}

/** Queued runs of the plan, each with its job, as `POST /v1/plans/:id/runs` makes them. */
export async function queueRuns(
  dataSource: DataSource,
  queue: Queue,
  seeded: SeededEvaluation,
  count: number,
): Promise<string[]> {
  const runs: { id: string }[] = await dataSource.query(
    `INSERT INTO runs (plan_id, model_id, scenario_id, status, trigger)
     SELECT $1, $2, $3, 'queued', 'manual' FROM generate_series(1, $4) RETURNING id`,
    [seeded.planId, seeded.modelId, seeded.scenarioId, count],
  );
  await queue.addBulk(
    runs.map((run) => ({
      name: JOB_EXECUTE_RUN,
      data: { runId: run.id } satisfies ExecuteRunJob,
      opts: { jobId: run.id, removeOnComplete: 1000, removeOnFail: 1000 },
    })),
  );
  return runs.map((run) => run.id);
}

export interface RunProgress {
  done: number;
  total: number;
  finished: number;
  failed: number;
}

export async function runProgress(dataSource: DataSource, runIds: string[]): Promise<RunProgress> {
  const [row] = await dataSource.query(
    `SELECT coalesce(sum(done), 0)::int AS done, coalesce(sum(total), 0)::int AS total,
            count(*) FILTER (WHERE status IN ('succeeded', 'partial', 'failed', 'cancelled'))::int AS finished,
            count(*) FILTER (WHERE status IN ('failed', 'cancelled'))::int AS failed
     FROM runs WHERE id = ANY($1)`,
    [runIds],
  );
  return row;
}
