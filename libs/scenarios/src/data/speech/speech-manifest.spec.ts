import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpeechManifest } from './speech-manifest';

describe('readSpeechManifest', () => {
  it('reads each line and its audio relative to the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-spec-'));
    try {
      await writeFile(join(dir, 'a.wav'), Buffer.from('RIFF'));
      const line = { id: 'u1', audio: 'a.wav', reference: 'hello', attributes: { accent: 'x' } };
      await writeFile(join(dir, 'manifest.jsonl'), `${JSON.stringify(line)}\n\n`);
      const [item] = await readSpeechManifest(join(dir, 'manifest.jsonl'));
      assert.deepEqual(
        { ...item, audio: { ...item.audio, data: item.audio!.data.toString() } },
        {
          id: 'u1',
          references: ['hello'],
          attributes: { accent: 'x' },
          audio: { data: 'RIFF', mimeType: 'audio/wav', filename: 'a.wav' },
        },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the line of an entry that does not fit the schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-spec-'));
    try {
      await writeFile(join(dir, 'manifest.jsonl'), '{"id":"u1","audio":"a.wav"}\n');
      await assert.rejects(
        readSpeechManifest(join(dir, 'manifest.jsonl')),
        /manifest\.jsonl:1:.*reference/s,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
