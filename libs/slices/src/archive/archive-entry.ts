/** A regular file taken out of an upload archive, after its name and type were checked. */
export interface ArchiveEntry {
  /** Normalized: forward slashes, no `.` segments, never absolute, never with `..`. */
  path: string;
  data: Buffer;
}

/** What an archive reader hands on: the accepted files, and the paths it refused (already reported). */
export interface ArchiveContents {
  entries: ArchiveEntry[];
  refused: Set<string>;
}

export type EntryPath =
  { ok: true; path: string; directory: boolean } | { ok: false; reason: string };

/** Checks a member name the way an extractor would use it; any escape from the archive root is refused. */
export function checkEntryPath(rawName: string): EntryPath {
  if (rawName.includes('\0')) return { ok: false, reason: 'has a NUL character in its name' };
  const name = rawName.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    return { ok: false, reason: 'has an absolute path; archive entries must be relative' };
  }
  const segments = name.split('/');
  if (segments.includes('..'))
    return { ok: false, reason: 'has a path with ".." (path traversal)' };
  const path = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  if (path === '') return { ok: false, reason: 'has an empty name' };
  return { ok: true, path, directory: name.endsWith('/') };
}

/** Archivers' own bookkeeping (macOS resource forks, Finder metadata), skipped unread. */
export function isArchiverLitter(path: string): boolean {
  return path.startsWith('__MACOSX/') || path === '__MACOSX' || /(^|\/)\.DS_Store$/.test(path);
}

const ARCHIVE_NAME = /\.(zip|tar|tgz|gz|bz2|xz|zst|7z|rar)$/i;
const ARCHIVE_MAGIC: ReadonlyArray<[number, number[]]> = [
  [0, [0x50, 0x4b, 0x03, 0x04]], // zip
  [0, [0x1f, 0x8b]], // gzip
  [0, [0x42, 0x5a, 0x68]], // bzip2
  [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
  [0, [0x52, 0x61, 0x72, 0x21]], // rar
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]], // xz
  [0, [0x28, 0xb5, 0x2f, 0xfd]], // zstd
  [257, [0x75, 0x73, 0x74, 0x61, 0x72]], // tar "ustar"
];

/** Archives inside the archive are refused: they would dodge every check made here. */
export function looksLikeArchive(path: string, head?: Buffer): boolean {
  if (ARCHIVE_NAME.test(path)) return true;
  if (!head) return false;
  return ARCHIVE_MAGIC.some(([at, magic]) => magic.every((byte, i) => head[at + i] === byte));
}

export const NESTED_ARCHIVE_REASON =
  'is an archive inside the archive; nested archives are not accepted';

/** Bytes an archive may still expand to; shared by every entry of one upload. */
export class ExpansionBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** False once the total would pass the limit. */
  take(bytes: number): boolean {
    this.used += bytes;
    return this.used <= this.limit;
  }

  get spent(): number {
    return this.used;
  }
}

/** Entries allowed in one archive: each item's audio, its directories, the manifest, some slack. */
export function maxArchiveEntries(maxItems: number): number {
  return 2 * maxItems + 16;
}

/** Reads a stream to the end, or stops it as soon as the budget runs out (then returns undefined). */
export async function readWithinBudget(
  stream: AsyncIterable<unknown> & { destroy(): void },
  budget: ExpansionBudget,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    if (!budget.take(bytes.length)) {
      stream.destroy();
      return undefined;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
