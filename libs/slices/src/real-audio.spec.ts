import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseFlacHeader } from './audio/flac-header';
import { parseWavHeader } from './audio/wav-header';
import { parseSliceUpload } from './parse-slice-upload';
import { audioTarGz, audioZip } from './testing/upload-fixtures';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = has('espeak-ng') && has('sox') ? false : 'needs espeak-ng and sox';

/** Sample count and rate as sox reports them: the reference for our header parsers. */
function soxi(path: string): { samples: number; rate: number } {
  return {
    samples: Number(execFileSync('soxi', ['-s', path], { encoding: 'utf8' })),
    rate: Number(execFileSync('soxi', ['-r', path], { encoding: 'utf8' })),
  };
}

describe('real speech from espeak-ng and sox', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'slices-audio-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => join(dir, name);
  if (!skip) {
    execFileSync('espeak-ng', ['-w', path('raw.wav'), 'turn the lights on in the kitchen']);
    execFileSync('sox', [path('raw.wav'), '-r', '16000', '-b', '16', '-c', '1', path('clip.wav')]);
    execFileSync('sox', [path('clip.wav'), path('clip.flac')]);
    execFileSync('sox', [path('clip.wav'), '-c', '2', path('stereo.flac')]);
  }

  it('reads the same sample count as soxi from espeak-ng WAV, sox WAV and sox FLAC', () => {
    for (const [name, parse] of [
      ['raw.wav', parseWavHeader],
      ['clip.wav', parseWavHeader],
      ['clip.flac', parseFlacHeader],
    ] as const) {
      const result = parse(readFileSync(path(name)));
      assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
      const reference = soxi(path(name));
      assert.deepEqual(
        [result.format.frames, result.format.sampleRate],
        [reference.samples, reference.rate],
        name,
      );
      assert.equal(
        result.format.durationMs,
        Math.round((reference.samples * 1000) / reference.rate),
      );
    }
  });

  it('accepts the WAV in a zip and the FLAC in a tar.gz, with the same duration', async () => {
    const row = {
      id: 'k1',
      reference: 'turn the lights on in the kitchen',
      attributes: { voice: 'espeak' },
    };
    const zip = audioZip([{ ...row, audio: 'clip.wav' }], {
      'clip.wav': readFileSync(path('clip.wav')),
    });
    const tar = await audioTarGz([{ ...row, audio: 'clip.flac' }], {
      'clip.flac': readFileSync(path('clip.flac')),
    });
    const [fromZip, fromTar] = await Promise.all([
      parseSliceUpload({ filename: 'k.zip', data: zip }),
      parseSliceUpload({ filename: 'k.tar.gz', data: tar }),
    ]);
    assert.equal(fromZip.items[0].audio!.durationMs, fromTar.items[0].audio!.durationMs);
    assert.ok(fromZip.items[0].audio!.durationMs > 500);
  });

  it('refuses the sox FLAC cut short, and a stereo FLAC', async () => {
    const flac = readFileSync(path('clip.flac'));
    const cut = parseFlacHeader(flac.subarray(0, flac.length - 200));
    assert.ok(!cut.ok && /truncated/.test(cut.reason), JSON.stringify(cut));
    const row = { id: 's', reference: 'x', audio: 'stereo.flac' };
    const tar = await audioTarGz([row], { 'stereo.flac': readFileSync(path('stereo.flac')) });
    await assert.rejects(
      parseSliceUpload({ filename: 's.tgz', data: tar }),
      /stereo\.flac: has 2 channels/,
    );
  });
});
