import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * libs/scenarios/data/public, the vendored probe sets. The build (`swc … --copy-files`) copies the
 * data next to the compiled code, so the same relative path works from src and from dist.
 */
export const PUBLIC_DATA_DIR = join(__dirname, '..', '..', '..', 'data', 'public');

/** A vendored file's text (UTF-8), e.g. readPublicFile('bbq/Age.jsonl'). */
export function readPublicFile(relativePath: string): string {
  const path = join(PUBLIC_DATA_DIR, relativePath);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `vendored data file ${relativePath} is missing at ${path} (the build copies libs/scenarios/data with --copy-files): ${(error as Error).message}`,
    );
  }
}

/** Parses once, on first use: the sets are a few MB and most processes never touch them. */
export function lazy<T>(load: () => T): () => T {
  let value: { loaded: T } | undefined;
  return () => (value ??= { loaded: load() }).loaded;
}
