import { spawn } from 'node:child_process';
import { ModelCallError } from '../errors/model-call-error';
import { processEnv } from '@lastmile/config/process-env';

export interface ProgramRun {
  argv: readonly string[];
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * What a model program inherits from the service's environment: enough to find programs and
 * read text, never the service's secrets (admin key, database URL, model keys).
 */
const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'TZ'];

export function programEnvironment(
  extra: Record<string, string> | undefined,
  from: NodeJS.ProcessEnv = processEnv(),
): Record<string, string> {
  const inherited = INHERITED_ENV.filter((name) => from[name] !== undefined).map(
    (name) => [name, from[name]!] as const,
  );
  return { ...Object.fromEntries(inherited), ...extra };
}

const maxStdoutBytes = 16 * 1024 * 1024;
const stderrTailBytes = 600;

/** Runs a program without a shell; resolves with its stdout when it exits 0. */
export function runProgram(run: ProgramRun, signal: AbortSignal): Promise<string> {
  const [program, ...args] = run.argv;
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) return reject(failure('aborted', `${program} not started: aborted`));
    const child = spawn(program, args, {
      cwd: run.cwd,
      env: programEnvironment(run.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    const onAbort = () => {
      child.kill('SIGKILL');
      reject(failure('aborted', `${program} killed: aborted`));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes <= maxStdoutBytes) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = Buffer.concat([stderr, chunk]).subarray(-stderrTailBytes);
    });
    // A program that never reads stdin (echo) closes the pipe early; that is not a failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin ?? '');
    child.on('error', (error: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      reject(failure('command_failed', `cannot start ${program}: ${error.code ?? error.message}`));
    });
    child.on('close', (code, killedBy) => {
      signal.removeEventListener('abort', onAbort);
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      const how = killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`;
      const tail = stderr.toString('utf8').trim();
      reject(failure('command_failed', `${program} ${how}${tail ? `: ${tail}` : ''}`));
    });
  });
}

function failure(code: 'aborted' | 'command_failed', message: string): ModelCallError {
  return new ModelCallError({ code, retryable: false, message });
}
