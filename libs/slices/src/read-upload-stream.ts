import { refuse } from './slice-problem';

/** Collects an upload stream into memory, refusing it as soon as it passes maxBytes. */
export async function readUploadStream(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
  field = 'upload',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw refuse(field, `is more than ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return Buffer.concat(chunks, size);
}
