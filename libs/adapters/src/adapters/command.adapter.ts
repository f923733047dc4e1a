import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type {
  AdapterOptions,
  ModelAdapter,
  ModelRequest,
  ModelResponse,
  RequestAudio,
} from '../model-adapter';
import { ResilientCaller } from '../resilience/resilient-caller';
import type { CommandSpec } from '../spec/command-spec.schema';
import { finalError } from './http-model-adapter';
import { readPocketsphinxTimes } from './pocketsphinx-output';
import { audioBytes, invalidRequest, requireAudio, textInput } from './request-input';
import { runProgram } from './run-program';

interface AudioFile {
  path: string;
  cleanup(): Promise<void>;
}

/**
 * A local program: `{input}` in argv passes the text as an argument, otherwise it goes to stdin;
 * `{audio}` is the path of the request's audio (bytes are written to a temporary file first).
 * The answer is stdout, trimmed, or with `output: 'pocketsphinx-time'` the transcript and its
 * confidence as JSON.
 */
export class CommandAdapter implements ModelAdapter<CommandSpec> {
  private readonly caller: ResilientCaller;
  private readonly inputAsArgument: boolean;
  private readonly needsAudio: boolean;

  constructor(
    readonly spec: CommandSpec,
    _options: AdapterOptions = {},
  ) {
    this.caller = new ResilientCaller(spec.limits);
    this.inputAsArgument = spec.argv.some((arg) => arg.includes('{input}'));
    this.needsAudio = spec.argv.some((arg) => arg.includes('{audio}'));
  }

  async invoke(request: ModelRequest, signal?: AbortSignal): Promise<ModelResponse> {
    let audioFile: AudioFile | undefined;
    try {
      const input = textInput(request);
      if (this.inputAsArgument && input === undefined)
        throw invalidRequest('request has no text for {input}');
      if (this.needsAudio) audioFile = await materialize(requireAudio(request));
      const values: Record<string, string> = { input: input ?? '', audio: audioFile?.path ?? '' };
      // One pass, so text that itself contains "{audio}" is passed on literally.
      const argv = this.spec.argv.map((arg) =>
        arg.replace(/\{(input|audio)\}/g, (_m, name: string) => values[name]),
      );
      const stdin = this.inputAsArgument ? undefined : input;
      const run = { argv, stdin, env: this.spec.env, cwd: this.spec.cwd };
      const outcome = await this.caller.call(
        (attemptSignal) => runProgram(run, attemptSignal),
        signal,
      );
      return {
        text: this.answer(outcome.value),
        latencyMs: outcome.latencyMs,
        attempts: outcome.attempts,
      };
    } catch (error) {
      throw finalError(error, []);
    } finally {
      await audioFile?.cleanup();
    }
  }

  /** stdout as the spec's `output` reads it. */
  private answer(stdout: string): string {
    if (this.spec.output !== 'pocketsphinx-time') return stdout.trim();
    return JSON.stringify(readPocketsphinxTimes(stdout));
  }

  async close(): Promise<void> {
    await this.caller.close();
  }
}

/** A path the program can read: the request's own, or a temporary copy of its bytes. */
async function materialize(audio: RequestAudio): Promise<AudioFile> {
  if (audio.path !== undefined && audio.data === undefined) {
    return { path: audio.path, cleanup: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'lastmile-audio-'));
  // Keep the extension (programs sniff it) but never let the name leave the directory.
  const name = basename(audio.filename)
    .replace(/[^\w.-]/g, '_')
    .replace(/^\.+/, '');
  const path = join(dir, name || 'audio');
  await writeFile(path, await audioBytes(audio));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
