import { spawnSync } from 'node:child_process';

/**
 * A Python 3 with statsmodels, for specs that check our statistics against a reference
 * implementation (Debian: python3-statsmodels). The system interpreter is tried first: a pyenv
 * shim on PATH may lack the distribution's packages.
 */
export function pythonWithStatsmodels(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import statsmodels, numpy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Runs `script` with `input` as JSON on stdin; its stdout is parsed as JSON. */
export function runPython<T>(python: string, script: string, input: unknown): T {
  const result = spawnSync(python, ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`python failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
