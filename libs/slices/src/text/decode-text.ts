import type { ProblemList } from '../slice-problem';

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Turns an uploaded text file into a string. Accepted: UTF-8 with or without a BOM (the BOM is
 * stripped), and UTF-16 when it is declared by a BOM or by `charset=utf-16le|utf-16be` in the
 * content type. Refused with a reason: invalid UTF-8 (byte and line given), NUL bytes (UTF-16
 * without a declaration, or a binary file), a charset that contradicts the BOM, other charsets.
 */
export function decodeUploadText(
  data: Buffer,
  contentType: string | undefined,
  field: string,
  problems: ProblemList,
): string {
  const refuse = (reason: string): never => problems.fatal(field, reason);
  const declared = declaredCharset(contentType);
  const bom = byteOrderMark(data);
  if (declared === 'unsupported') {
    return refuse(`charset in content type "${contentType}" is not supported; use UTF-8`);
  }
  if (bom && declared && declared !== 'utf-16' && declared !== bom.encoding) {
    return refuse(
      `content type declares ${declared} but the file starts with a ${bom.encoding} byte-order mark`,
    );
  }
  let encoding: TextEncodingName = 'utf-8';
  if (bom) encoding = bom.encoding;
  else if (declared === 'utf-16') {
    return refuse(
      'charset utf-16 without a byte-order mark is ambiguous; use utf-16le, utf-16be or UTF-8',
    );
  } else if (declared) encoding = declared;

  const body = data.subarray(bom?.length ?? 0);
  if (encoding !== 'utf-8') return decodeUtf16(body, encoding, refuse);

  const nul = body.indexOf(0);
  if (nul !== -1) {
    return refuse(
      `contains a NUL byte at byte ${nul + (bom?.length ?? 0)}: UTF-16 text without a byte-order mark or charset, or a binary file; save it as UTF-8`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8Byte(body);
    const line = countNewlines(body.subarray(0, offset)) + 1;
    return refuse(
      `invalid UTF-8 at byte ${offset + (bom?.length ?? 0)} (line ${line}); save the file as UTF-8`,
    );
  }
}

function decodeUtf16(
  body: Buffer,
  encoding: 'utf-16le' | 'utf-16be',
  refuse: (reason: string) => never,
): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return refuse(`declared ${encoding} but the bytes are not valid ${encoding}`);
  }
}

function declaredCharset(
  contentType: string | undefined,
): TextEncodingName | 'utf-16' | 'unsupported' | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'us-ascii') return 'utf-8';
  if (name === 'utf-16le' || name === 'utf-16be' || name === 'utf-16') return name;
  return 'unsupported';
}

function byteOrderMark(data: Buffer): { encoding: TextEncodingName; length: number } | undefined {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (data[0] === 0xff && data[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (data[0] === 0xfe && data[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Smallest n such that bytes [0, n) hold an invalid sequence: streaming decodes are monotonic in n. */
function firstInvalidUtf8Byte(body: Buffer): number {
  const fails = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = body.length;
  if (!fails(high)) {
    // Only an unfinished sequence at the very end: point at its lead byte.
    let lead = high - 1;
    while (lead > 0 && (body[lead] & 0xc0) === 0x80) lead -= 1;
    return lead;
  }
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (fails(mid)) high = mid;
    else low = mid;
  }
  return low;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}
