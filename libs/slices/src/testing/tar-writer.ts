import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';

export interface TarEntrySpec {
  name: string;
  data?: Buffer;
  type?: Header['type'];
  linkname?: string;
}

/** A tar archive (gzipped unless asked not to) holding the entries in the order given. */
export async function makeTar(
  entries: readonly TarEntrySpec[],
  options: { gzip?: boolean } = {},
): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of archive) chunks.push(chunk as Buffer);
  })();
  for (const spec of entries) {
    const type = spec.type ?? 'file';
    // Links, devices and directories carry no data: an empty buffer ends their entry at once.
    const data = type === 'file' ? (spec.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
    const mode = type === 'directory' ? 0o755 : 0o644;
    const header = { name: spec.name, type, linkname: spec.linkname, mode, mtime: new Date(0) };
    await new Promise<void>((resolve, reject) => {
      archive.entry(header, data, (error) => (error ? reject(error) : resolve()));
    });
  }
  archive.finalize();
  await collected;
  const tar = Buffer.concat(chunks);
  return options.gzip === false ? tar : gzipSync(tar);
}
