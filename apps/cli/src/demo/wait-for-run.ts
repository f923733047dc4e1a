import { isFinishedRun } from '@lastmile/persistence';
import type { DemoApiClient } from './demo-api-client';
import type { ApiRun } from './demo-types';

export async function waitForRun(
  api: DemoApiClient,
  runId: string,
  timeoutMs: number,
): Promise<ApiRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await api.get<ApiRun>(`/v1/runs/${runId}`);
    if (isFinishedRun(run.status)) return run;
    if (Date.now() > deadline)
      throw new Error(
        `run ${runId} did not finish within ${timeoutMs / 1000} s (status ${run.status})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
