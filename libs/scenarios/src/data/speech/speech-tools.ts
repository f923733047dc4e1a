import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a program without a shell; rejects with its stderr when it fails. */
export async function run(program: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(program, [...args], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${program} ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, {
      cause: error,
    });
  }
}

/** Whether a program can be started (is installed and on PATH), whatever it exits with. */
export function programAvailable(program: string): boolean {
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** Whether espeak-ng and sox can be run (Debian packages espeak-ng, sox). */
export function speechToolsAvailable(): boolean {
  return programAvailable('espeak-ng') && programAvailable('sox');
}
