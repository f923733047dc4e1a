import type { BenchPostgres } from '../support/bench-postgres';

/**
 * Server flags: pg_stat_statements for per-query figures under load, auto_explain for plans. Its
 * log_min_duration stays at its default (-1, off) so ALTER SYSTEM can switch it: a command-line value would win.
 */
export const QUERY_INSIGHT_FLAGS = [
  '-c',
  'shared_preload_libraries=pg_stat_statements,auto_explain',
  '-c',
  'auto_explain.log_analyze=on',
  '-c',
  'auto_explain.log_buffers=on',
  '-c',
  'auto_explain.log_timing=on',
];

export interface CapturedPlan {
  query: string;
  plan: string;
  /** Sequential scans over more than SMALL_TABLE_ROWS rows (a 1-row api_keys table is scanned, rightly). */
  seqScans: { table: string; rows: number }[];
}

const SMALL_TABLE_ROWS = 1000;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the very statements the API ran for one request, with its real
 * parameters: auto_explain logs every statement's plan while `request` runs.
 */
export async function explainRequest(
  pg: BenchPostgres,
  request: () => Promise<void>,
): Promise<CapturedPlan[]> {
  const toggle = async (ms: number) => {
    await pg.query(`ALTER SYSTEM SET auto_explain.log_min_duration = ${ms}`);
    await pg.query('SELECT pg_reload_conf()');
    await new Promise((resolve) => setTimeout(resolve, 300)); // sessions pick the reload up between statements
  };
  const log = await pg.captureLog(async () => {
    await toggle(0);
    try {
      await request();
    } finally {
      await toggle(-1);
    }
  });
  return parsePlans(log);
}

/** auto_explain entries: "duration: … ms  plan:\n\tQuery Text: …\n\t<plan lines>". */
function parsePlans(log: string): CapturedPlan[] {
  const lines = log.split('\n');
  const plans: CapturedPlan[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/duration: [\d.]+ ms\s+plan:/.test(lines[i])) continue;
    const body: string[] = [];
    for (i++; i < lines.length && /^\s/.test(lines[i]); i++) body.push(lines[i].replace(/^\t/, ''));
    i--;
    const textLines: string[] = [];
    const planLines: string[] = [];
    let inPlan = false;
    for (const line of body) {
      if (!inPlan && /^\s*Query Text:/.test(line))
        textLines.push(line.replace(/^\s*Query Text:\s*/, ''));
      else if (!inPlan && /^\s{0,2}\S.*\(cost=|^\s{0,2}\S.*\(actual/.test(line)) {
        inPlan = true;
        planLines.push(line);
      } else if (inPlan) planLines.push(line);
      else textLines.push(line);
    }
    const plan = planLines.join('\n');
    const seqScans = [
      ...plan.matchAll(/Seq Scan on (\w+).*\(actual [^)]*rows=([\d.]+) loops=(\d+)\)/g),
    ]
      .map((m) => ({ table: m[1], rows: Number(m[2]) * Number(m[3]) }))
      .filter((scan) => scan.rows > SMALL_TABLE_ROWS);
    plans.push({ query: textLines.join(' ').replace(/\s+/g, ' ').trim(), plan, seqScans });
  }
  // One plan per statement text (parameters apart): a request's statements, not every echo of them.
  const seen = new Set<string>();
  return plans.filter((p) => {
    const key = p.query.replace(/ Query Parameters:.*$/, '');
    if (/auto_explain|pg_reload_conf|ALTER SYSTEM/.test(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface StatementStats {
  query: string;
  calls: number;
  meanMs: number;
  maxMs: number;
  rowsPerCall: number;
}

export async function resetStatements(pg: BenchPostgres): Promise<void> {
  await pg.query('SELECT pg_stat_statements_reset()');
}

/** The statements behind a load phase, heaviest first (pg_stat_statements). */
export async function topStatements(pg: BenchPostgres, limit = 6): Promise<StatementStats[]> {
  const rows = await pg.query<{
    query: string;
    calls: string;
    mean: number;
    max: number;
    rows: string;
  }>(
    `SELECT query, calls, mean_exec_time AS mean, max_exec_time AS max, rows FROM pg_stat_statements
     WHERE query !~* 'pg_stat_statements|^(BEGIN|COMMIT|SET|SHOW)' ORDER BY total_exec_time DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    query: r.query.replace(/\s+/g, ' '),
    calls: Number(r.calls),
    meanMs: r.mean,
    maxMs: r.max,
    rowsPerCall: Number(r.rows) / Number(r.calls),
  }));
}
