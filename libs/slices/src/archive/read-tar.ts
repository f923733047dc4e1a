import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import type { SliceLimits } from '../slice-limits';
import { SliceValidationError, type ProblemList } from '../slice-problem';
import {
  checkEntryPath,
  ExpansionBudget,
  isArchiverLitter,
  looksLikeArchive,
  maxArchiveEntries,
  NESTED_ARCHIVE_REASON,
  readWithinBudget,
  type ArchiveContents,
  type ArchiveEntry,
} from './archive-entry';

const LINK_KINDS: Partial<Record<Header['type'], string>> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a FIFO',
};

/** Stops the gunzip output once it passes the limit, so a gzip bomb is never fully inflated. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new ExpansionError(this.limit));
    else done(null, chunk);
  }
}

class ExpansionError extends Error {
  constructor(limit: number) {
    super(`decompresses past the ${limit}-byte limit; extraction stopped`);
  }
}

/**
 * The regular files of a tar or tar.gz upload. For tar.gz, maxUncompressedBytes bounds the whole
 * decompressed tar stream (headers included) and, separately, the files' declared and actual sizes.
 */
export async function readTarEntries(
  data: Buffer,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
): Promise<ArchiveContents> {
  const gzipped = data[0] === 0x1f && data[1] === 0x8b;
  const tar = extract();
  const stages = gzipped ? [createGunzip(), new ByteLimit(limits.maxUncompressedBytes)] : [];
  const feeding = pipeline([Readable.from([data]), ...stages, tar]);
  const refused = new Set<string>();
  const reading = readMembers(tar, file, problems, limits, refused);
  const [fed, read] = await Promise.allSettled([feeding, reading]);
  // A refusal from reading stops the feed too; report the refusal, not the feed's "premature close".
  for (const outcome of [read, fed]) {
    if (outcome.status === 'rejected') {
      const error = outcome.reason as Error;
      if (error instanceof SliceValidationError) throw error;
      if (error instanceof ExpansionError) problems.fatal(file, error.message);
      problems.fatal(
        file,
        `is not a readable ${gzipped ? 'tar.gz' : 'tar'} archive: ${error.message}`,
      );
    }
  }
  return { entries: (read as PromiseFulfilledResult<ArchiveEntry[]>).value, refused };
}

async function readMembers(
  tar: ReturnType<typeof extract>,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
  refused: Set<string>,
): Promise<ArchiveEntry[]> {
  const budget = new ExpansionBudget(limits.maxUncompressedBytes);
  const seen = new Set<string>();
  const entries: ArchiveEntry[] = [];
  let count = 0;
  for await (const member of tar) {
    const { name, type, size = 0, linkname } = member.header;
    count += 1;
    if (count > maxArchiveEntries(limits.maxItems)) {
      problems.fatal(file, `has more than ${maxArchiveEntries(limits.maxItems)} entries`);
    }
    const checked = checkEntryPath(name);
    const before = problems.count;
    const special = type ? LINK_KINDS[type] : undefined;
    let wanted: string | undefined;
    if (!checked.ok) problems.add(name, checked.reason);
    else if (special) {
      problems.add(
        name,
        `is ${special}${linkname ? ` to ${linkname}` : ''}; only regular files are accepted`,
      );
    } else if (type === 'directory' || isArchiverLitter(checked.path)) {
      // nothing to read
    } else if (type !== 'file' && type !== 'contiguous-file') {
      problems.add(name, `has unsupported entry type ${type}`);
    } else if (seen.has(checked.path)) problems.add(name, 'appears twice in the archive');
    else if (looksLikeArchive(checked.path)) problems.add(name, NESTED_ARCHIVE_REASON);
    else if (budget.spent + size > limits.maxUncompressedBytes) {
      problems.fatal(
        name,
        `declares ${size} bytes, taking the archive past the ${limits.maxUncompressedBytes}-byte limit`,
      );
    } else wanted = checked.path;
    if (checked.ok) seen.add(checked.path);
    if (wanted === undefined && checked.ok && problems.count !== before) refused.add(checked.path);
    if (wanted === undefined) {
      member.resume();
      continue;
    }
    const data = await readWithinBudget(member, budget);
    if (!data)
      problems.fatal(
        name,
        `expands past the ${limits.maxUncompressedBytes}-byte limit; extraction stopped`,
      );
    if (looksLikeArchive(wanted, data)) {
      problems.add(name, NESTED_ARCHIVE_REASON);
      refused.add(wanted);
    } else entries.push({ path: wanted, data });
  }
  return entries;
}
