import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acousticSignals,
  createRng,
  frameLevels,
  noiseFloorSnr,
  speechActivity,
  standardNormal,
  tonalPeaks,
  wadaSnr,
  welchSpectrum,
} from '@lastmile/metrics';
import { decodeFlac, decodeWav } from '@lastmile/slices';
import { formatTable, round, writeResults } from '../support/report';

// Benchmark, not a test: label-free signals for one hour of 16 kHz audio, as 300 recordings
// of 12 s (a monitoring slice) and as one continuous hour. Goal: under 10 s of CPU.
const RATE = 16_000;
const CLIP_SECONDS = 12;
const CLIPS = 300;
const GOAL_CPU_SECONDS = 10;
const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';

/** LibriVox speech when pocketsphinx-testdata is installed, else speech-like noise bursts. */
function speechSource(): Float32Array {
  if (existsSync(LIBRIVOX)) {
    const clips = readdirSync(LIBRIVOX)
      .filter((f) => f.endsWith('.wav'))
      .sort()
      .map((f) => decodeWav(readFileSync(join(LIBRIVOX, f))).samples);
    const out = new Float32Array(clips.reduce((n, c) => n + c.length, 0));
    clips.reduce((at, clip) => (out.set(clip, at), at + clip.length), 0);
    return out;
  }
  const rng = createRng(1);
  return Float32Array.from({ length: 25 * RATE }, (_, i) =>
    (i / RATE) % 0.5 < 0.3 ? 0.05 * standardNormal(rng) : 0,
  );
}

/** 12 s recordings cut from the speech, each with its own noise level and, every third, a hum. */
function recordings(speech: Float32Array): Float32Array[] {
  const rng = createRng(2);
  const length = CLIP_SECONDS * RATE;
  return Array.from({ length: CLIPS }, (_, c) => {
    const noise = 0.002 + 0.02 * rng();
    const hum = c % 3 === 0 ? 0.01 : 0;
    const start = Math.floor(rng() * speech.length);
    return Float32Array.from({ length }, (_, i) => {
      const t = i / RATE;
      return (
        speech[(start + i) % speech.length] +
        noise * standardNormal(rng) +
        hum * Math.sin(2 * Math.PI * 1000 * t)
      );
    });
  });
}

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++)
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767))), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** CPU seconds (user + system) and wall seconds of `run`. */
function measure(run: () => void): { cpu: number; wall: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return {
    cpu: (used.user + used.system) / 1e6,
    wall: Number(process.hrtime.bigint() - start) / 1e9,
  };
}

/** The FLAC bytes of every recording, when sox can encode them (else null). */
function flacs(wavs: Buffer[]): Buffer[] | null {
  try {
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-audio-bench-'));
  try {
    return wavs.map((bytes, i) => {
      writeFileSync(join(dir, `${i}.wav`), bytes);
      execFileSync('sox', [join(dir, `${i}.wav`), join(dir, `${i}.flac`)]);
      return readFileSync(join(dir, `${i}.flac`));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const clips = recordings(speechSource());
  const wavs = clips.map(wav);
  const encoded = flacs(wavs);
  const hour = new Float32Array(CLIPS * CLIP_SECONDS * RATE);
  clips.forEach((clip, i) => hour.set(clip, i * clip.length));
  acousticSignals(clips[0], RATE); // warm-up: let the JIT compile the loops
  let withTone = 0;
  const each = (f: (clip: Float32Array) => unknown) => () => clips.forEach((clip) => f(clip));
  const rows: [string, { cpu: number; wall: number }][] = [
    [
      'all signals, 300 × 12 s recordings',
      measure(
        each((c) => {
          if (acousticSignals(c, RATE).tonalPeaks.length > 0) withTone++;
        }),
      ),
    ],
    [
      '  frame levels, noise-floor SNR, speech activity',
      measure(
        each((c) => {
          const levels = frameLevels(c, RATE);
          return [speechActivity(levels), noiseFloorSnr(levels)];
        }),
      ),
    ],
    ['  WADA-SNR', measure(each((c) => wadaSnr(c)))],
    [
      '  Welch spectrum (fft.js) and tonal peaks',
      measure(each((c) => tonalPeaks(welchSpectrum(c, RATE)!))),
    ],
    [
      'decode WAV + all signals (the asr kind path)',
      measure(() => wavs.forEach((w) => acousticSignals(decodeWav(w).samples, RATE))),
    ],
    ...(encoded
      ? ([
          [
            'decode FLAC + all signals',
            measure(() => encoded.forEach((f) => acousticSignals(decodeFlac(f).samples, RATE))),
          ],
        ] as [string, { cpu: number; wall: number }][])
      : []),
    ['all signals, one continuous hour', measure(() => acousticSignals(hour, RATE))],
  ];
  console.log(
    `audio: label-free signals for ${(hour.length / RATE / 3600).toFixed(2)} h of ${RATE / 1000} kHz audio; ${withTone} of ${CLIPS} recordings with a tone found (every third has a 1 kHz hum)`,
  );
  console.log(
    formatTable(
      ['', 'CPU s', 'wall s'],
      rows.map(([what, t]) => [what, round(t.cpu, 2), round(t.wall, 2)]),
    ),
  );
  // the goal holds for every whole path (the component rows are indented)
  const worst = Math.max(...rows.filter(([what]) => !what.startsWith(' ')).map(([, t]) => t.cpu));
  console.log(
    `\ngoal: under ${GOAL_CPU_SECONDS} s of CPU per hour on every path: ${worst < GOAL_CPU_SECONDS ? 'met' : 'MISSED'} (worst ${round(worst, 2)} s)`,
  );
  const path = writeResults('audio', {
    rows: rows.map(([what, t]) => ({ what: what.trim(), cpuSeconds: t.cpu, wallSeconds: t.wall })),
    goalCpuSeconds: GOAL_CPU_SECONDS,
  });
  console.log(`results: ${path}`);
}

main();
