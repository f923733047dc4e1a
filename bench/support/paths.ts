import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from dist/bench/... or bench/... alike. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lastmile')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the lastmile repository root');
    dir = parent;
  }
}

/** bench/results/ (git-ignored): JSON figures and the cache of tools the benches install. */
export function resultsDir(...parts: string[]): string {
  const dir = join(repoRoot(), 'bench', 'results', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const lastmileBin = () => join(repoRoot(), 'bin', 'lastmile.js');
