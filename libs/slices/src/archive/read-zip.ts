import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
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
import { isDirectoryMode, specialFileKind } from './unix-mode';

const STORED = 0;
const DEFLATED = 8;

interface Listed {
  entry: Entry;
  path: string;
}

/**
 * The regular files of a ZIP upload. Names, types and declared sizes are all checked from the
 * central directory before a single byte is inflated; inflating then stops at the first entry
 * that expands past its declared size or past maxUncompressedBytes.
 */
export async function readZipEntries(
  data: Buffer,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
): Promise<ArchiveContents> {
  // decodeStrings off: yauzl would abort the whole archive on the first bad name; we report each.
  const zip = await yauzl
    .fromBufferPromise(data, { lazyEntries: true, decodeStrings: false, autoClose: false })
    .catch((error: Error) => {
      return problems.fatal(file, `is not a readable ZIP archive: ${error.message}`);
    });
  try {
    if (zip.entryCount > maxArchiveEntries(limits.maxItems)) {
      problems.fatal(
        file,
        `has ${zip.entryCount} entries; at most ${maxArchiveEntries(limits.maxItems)} are accepted`,
      );
    }
    const refused = new Set<string>();
    const listed = await listEntries(zip, file, problems, limits, refused);
    return { entries: await inflateEntries(zip, listed, problems, limits, refused), refused };
  } finally {
    zip.close();
  }
}

/** Stops (throws) when the declared sizes alone exceed the budget: nothing is inflated then. */
async function listEntries(
  zip: ZipFile,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
  refused: Set<string>,
): Promise<Listed[]> {
  const declared = new ExpansionBudget(limits.maxUncompressedBytes);
  const seen = new Set<string>();
  const listed: Listed[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer; // a Buffer under decodeStrings: false
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        raw,
        entry.extraFields,
        false,
      );
      const checked = checkEntryPath(name);
      const before = problems.count;
      const mode = entry.externalFileAttributes >>> 16;
      const special = specialFileKind(mode);
      if (!checked.ok) problems.add(name, checked.reason);
      else if (special) problems.add(name, `is ${special}; only regular files are accepted`);
      else if (checked.directory || isDirectoryMode(mode) || isArchiverLitter(checked.path))
        continue;
      else if (seen.has(checked.path)) problems.add(name, 'appears twice in the archive');
      else if (entry.generalPurposeBitFlag & 1) problems.add(name, 'is encrypted');
      else if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        problems.add(
          name,
          `uses compression method ${entry.compressionMethod}; only stored and deflate are supported`,
        );
      } else if (looksLikeArchive(checked.path)) problems.add(name, NESTED_ARCHIVE_REASON);
      else if (!declared.take(entry.uncompressedSize)) {
        problems.fatal(
          name,
          `declares ${entry.uncompressedSize} bytes uncompressed, taking the archive past the ${limits.maxUncompressedBytes}-byte limit`,
        );
      } else listed.push({ entry, path: checked.path });
      if (checked.ok) seen.add(checked.path);
      if (checked.ok && problems.count !== before) refused.add(checked.path);
    }
  } catch (error) {
    if (error instanceof SliceValidationError) throw error;
    problems.fatal(file, `is not a readable ZIP archive: ${(error as Error).message}`);
  }
  return listed;
}

async function inflateEntries(
  zip: ZipFile,
  listed: Listed[],
  problems: ProblemList,
  limits: SliceLimits,
  refused: Set<string>,
): Promise<ArchiveEntry[]> {
  const actual = new ExpansionBudget(limits.maxUncompressedBytes);
  const entries: ArchiveEntry[] = [];
  for (const { entry, path } of listed) {
    let data: Buffer | undefined;
    try {
      data = await readWithinBudget(await zip.openReadStreamPromise(entry), actual);
    } catch (error) {
      problems.add(path, inflateFailure((error as Error).message, entry.uncompressedSize));
      refused.add(path);
      continue;
    }
    if (!data)
      problems.fatal(
        path,
        `expands past the ${limits.maxUncompressedBytes}-byte limit; extraction stopped`,
      );
    if (crc32(data) !== entry.crc32)
      problems.add(path, 'fails its CRC-32 check: the archive is corrupt');
    else if (looksLikeArchive(path, data)) problems.add(path, NESTED_ARCHIVE_REASON);
    else {
      entries.push({ path, data });
      continue;
    }
    refused.add(path);
  }
  return entries;
}

function inflateFailure(message: string, declared: number): string {
  if (message.startsWith('too many bytes')) {
    return `expands to more than the ${declared} bytes its header declares; extraction stopped`;
  }
  if (message.startsWith('not enough bytes'))
    return `expands to fewer than the ${declared} bytes its header declares`;
  return `cannot be extracted: ${message}`;
}
