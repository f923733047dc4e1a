import { crc32, deflateRawSync } from 'node:zlib';

// Hand-written: yazl refuses exactly what the bad-upload corpus needs (".." and absolute names,
// lying sizes, duplicate names), and needs a stream; this writes any entry, good or forged.

export interface ZipEntrySpec {
  name: string;
  data?: Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Unix st_mode in the external attributes, e.g. 0o120777 for a symbolic link. Default 0o100644. */
  unixMode?: number;
  /** Uncompressed size written in the headers instead of the real one. */
  declaredSize?: number;
  /** CRC-32 written in the headers instead of the real one. */
  declaredCrc?: number;
  /** General purpose flags; bit 11 (UTF-8 names) is always set. */
  flags?: number;
}

const DOS_DATE_1980_01_01 = 0x21;

/** A ZIP archive (no data descriptors, no zip64) holding the entries in the order given. */
export function makeZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const data = spec.data ?? Buffer.alloc(0);
    const name = Buffer.from(spec.name, 'utf8');
    const method = spec.store ? 0 : 8;
    const body = spec.store ? data : deflateRawSync(data);
    const fields = {
      flags: (spec.flags ?? 0) | 0x800,
      method,
      crc: spec.declaredCrc ?? crc32(data),
      compressed: body.length,
      size: spec.declaredSize ?? data.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeCommon(local, 6, fields, name.length);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is read
    central.writeUInt16LE(20, 6);
    writeCommon(central, 8, fields, name.length);
    central.writeUInt32LE(((spec.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Flags, method, time, date, CRC, sizes and name length: laid out alike in both headers. */
function writeCommon(
  header: Buffer,
  at: number,
  fields: { flags: number; method: number; crc: number; compressed: number; size: number },
  nameLength: number,
): void {
  header.writeUInt16LE(fields.flags, at);
  header.writeUInt16LE(fields.method, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(DOS_DATE_1980_01_01, at + 6);
  header.writeUInt32LE(fields.crc >>> 0, at + 8);
  header.writeUInt32LE(fields.compressed, at + 12);
  header.writeUInt32LE(fields.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}
