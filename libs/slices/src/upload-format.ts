import type { ProblemList } from './slice-problem';

export type UploadFormat = 'jsonl' | 'csv' | 'zip' | 'tar';

const LABELS: Record<UploadFormat, string> = {
  jsonl: 'JSONL',
  csv: 'CSV',
  zip: 'ZIP',
  tar: 'tar/tar.gz',
};
const ACCEPTED = 'name the file .jsonl, .csv, .zip, .tar.gz or .tgz';

function byName(filename: string): UploadFormat | 'json' | undefined {
  const name = filename.toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.zip')) return 'zip';
  if (/\.(tar\.gz|tgz|tar)$/.test(name)) return 'tar';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

function byContentType(contentType: string | undefined): UploadFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (/^application\/(jsonl|x-ndjson|x-jsonlines|jsonlines)$/.test(type)) return 'jsonl';
  if (type === 'text/csv') return 'csv';
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'zip';
  if (/^application\/(gzip|x-gzip|x-tar|x-gtar|x-compressed-tar)$/.test(type)) return 'tar';
  return undefined;
}

function byMagic(data: Buffer): UploadFormat | undefined {
  if (data[0] === 0x50 && data[1] === 0x4b && (data[2] === 0x03 || data[2] === 0x05)) return 'zip';
  if (data[0] === 0x1f && data[1] === 0x8b) return 'tar';
  if (data.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return undefined;
}

/**
 * The format from the file name (else the content type), checked against the leading bytes:
 * a name that promises text but holds an archive, or the reverse, is refused, not guessed at.
 */
export function detectUploadFormat(
  upload: { filename: string; contentType?: string; data: Buffer },
  problems: ProblemList,
): UploadFormat {
  const { filename, data } = upload;
  const named = byName(filename);
  if (named === 'json')
    return problems.fatal(filename, 'is JSON; upload JSONL instead (one JSON object per line)');
  const declared = named ?? byContentType(upload.contentType);
  const magic = byMagic(data);
  if (declared === undefined) {
    return magic ?? problems.fatal(filename, `has an unknown format; ${ACCEPTED}`);
  }
  const declaredArchive = declared === 'zip' || declared === 'tar';
  if (magic && magic !== declared) {
    return problems.fatal(
      filename,
      `is named as ${LABELS[declared]} but holds a ${LABELS[magic]} archive`,
    );
  }
  if (!magic && declaredArchive) {
    return problems.fatal(
      filename,
      `is named as ${LABELS[declared]} but is not a ${LABELS[declared]} archive`,
    );
  }
  return declared;
}
