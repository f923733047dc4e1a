import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { ModelCallError } from '../errors/model-call-error';
import type { AdapterSpecInput } from '../spec/adapter-spec.schema';
import { createAdapter } from './create-adapter';

const allow = { allowCommand: true };

function hasProgram(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function failure(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ModelCallError);
  return error;
}

describe('command adapter', () => {
  it('refuses to create a command adapter unless allowCommand is set', () => {
    const spec: AdapterSpecInput = { kind: 'command', argv: ['cat'] };
    assert.throws(() => createAdapter(spec), AdapterConfigError);
    assert.throws(() => createAdapter(spec), /LASTMILE_ALLOW_COMMAND_ADAPTERS=true/);
  });

  it('writes the input to stdin when no argument holds {input}, and trims stdout', async () => {
    const adapter = createAdapter({ kind: 'command', argv: ['cat'] }, allow);
    const response = await adapter.invoke({ prompt: '  multi\nline "input" $HOME  \n' });
    assert.equal(response.text, 'multi\nline "input" $HOME');
    assert.equal(response.attempts, 1);
    await adapter.close?.();
  });

  it('passes {input} as one argument, without a shell', async () => {
    const adapter = createAdapter({ kind: 'command', argv: ['echo', 'said:{input}'] }, allow);
    const response = await adapter.invoke({
      messages: [{ role: 'user', content: '$(id) `id`; {audio}' }],
    });
    assert.equal(response.text, 'said:$(id) `id`; {audio}');
    await adapter.close?.();
  });

  it('passes extra environment variables to the program', async () => {
    const adapter = createAdapter(
      {
        kind: 'command',
        argv: ['sh', '-c', 'printf "%s-%s" "$GREETING" "$(cat)"'],
        env: { GREETING: 'hi' },
      },
      allow,
    );
    assert.equal((await adapter.invoke({ prompt: 'there' })).text, 'hi-there');
    await adapter.close?.();
  });

  it("never hands the service's own environment (admin key, database URL, model keys) to the program", async () => {
    const secrets = {
      LASTMILE_ADMIN_KEY: 'lm_admin_secret_for_the_env_test',
      DATABASE_URL: 'postgres://u:db-password@h/d',
      LASTMILE_MODEL_KEY_OPENAI: 'sk-model-secret',
    };
    Object.assign(process.env, secrets);
    try {
      const adapter = createAdapter({ kind: 'command', argv: ['env'] }, allow);
      const printed = (await adapter.invoke({ prompt: '' })).text;
      for (const [name, value] of Object.entries(secrets)) {
        assert.ok(
          !printed.includes(name) && !printed.includes(value),
          `${name} reached the program`,
        );
      }
      // It still finds programs and reads text as the service does.
      assert.match(printed, /^PATH=/m);
      await adapter.close?.();
    } finally {
      for (const name of Object.keys(secrets)) delete process.env[name];
    }
  });

  it('reports a non-zero exit as command_failed with the tail of stderr, without retrying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lastmile-cmd-test-'));
    const counter = join(dir, 'runs');
    const script = `echo run >> ${counter}; echo "model file missing" >&2; exit 3`;
    const adapter = createAdapter({ kind: 'command', argv: ['sh', '-c', script] }, allow);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assert.deepEqual([error.code, error.attempts, error.retryable], ['command_failed', 1, false]);
    assert.equal(error.message, 'sh exited with code 3: model file missing');
    assert.equal(readFileSync(counter, 'utf8'), 'run\n');
    await adapter.close?.();
    rmSync(dir, { recursive: true });
  });

  it('reports a missing program as command_failed', async () => {
    const adapter = createAdapter({ kind: 'command', argv: ['lastmile-no-such-program'] }, allow);
    const error = await failure(adapter.invoke({ prompt: 'x' }));
    assert.equal(error.code, 'command_failed');
    assert.match(error.message, /cannot start lastmile-no-such-program: ENOENT/);
    await adapter.close?.();
  });

  it('kills a program that runs past the timeout and reports timeout', async () => {
    const adapter = createAdapter(
      { kind: 'command', argv: ['sleep', '5'], limits: { timeoutMs: 150, maxRetries: 0 } },
      allow,
    );
    const started = Date.now();
    const error = await failure(adapter.invoke({ prompt: '' }));
    assert.deepEqual([error.code, error.attempts], ['timeout', 1]);
    assert.ok(Date.now() - started < 3000, 'killed long before sleep 5 ends');
    await adapter.close?.();
  });

  it('rejects a request without audio when argv uses {audio}', async () => {
    const adapter = createAdapter({ kind: 'command', argv: ['cat', '{audio}'] }, allow);
    assert.equal((await failure(adapter.invoke({ prompt: 'x' }))).code, 'invalid_request');
    await adapter.close?.();
  });

  describe('pocketsphinx_continuous on speech synthesized by espeak-ng', () => {
    const programs = ['espeak-ng', 'sox', 'pocketsphinx_continuous'];
    const missing = programs.filter((name) => !hasProgram(name));
    // Skipped only on a developer machine without the Debian packages; CI must have them.
    const skip = missing.length > 0 && !process.env.CI ? `missing ${missing.join(', ')}` : false;
    const dir = mkdtempSync(join(tmpdir(), 'lastmile-asr-cmd-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('transcribes the WAV file passed as {audio}, by path and by bytes', { skip }, async () => {
      const raw = join(dir, 'raw.wav');
      const wav = join(dir, 'hello.wav');
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '160', '-w', raw, 'hello world']);
      execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
      const argv = ['pocketsphinx_continuous', '-infile', '{audio}'];
      const direct = execFileSync(argv[0], ['-infile', wav], {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim();
      const adapter = createAdapter(
        { kind: 'command', argv, limits: { timeoutMs: 20_000 } },
        allow,
      );
      const byPath = await adapter.invoke({
        audio: { path: wav, filename: 'hello.wav', mimeType: 'audio/wav' },
      });
      const byBytes = await adapter.invoke({
        audio: { data: readFileSync(wav), filename: 'hello.wav', mimeType: 'audio/wav' },
      });
      assert.match(byPath.text, /world/);
      assert.equal(byPath.text, direct, 'the adapter returns what the program prints on stdout');
      assert.equal(byBytes.text, direct);
      await adapter.close?.();
    });
  });

  describe("pocketsphinx_continuous -time yes on pocketsphinx-testdata's LibriVox clips", () => {
    const clips = '/usr/share/pocketsphinx/test/data/librivox';
    const clip = (id: string) => join(clips, `sense_and_sensibility_01_austen_64kb-${id}.wav`);
    const missing = [
      ...['pocketsphinx_continuous'].filter((name) => !hasProgram(name)),
      ...(existsSync(clip('0880')) ? [] : ['pocketsphinx-testdata']),
    ];
    const skip = missing.length > 0 && !process.env.CI ? `missing ${missing.join(', ')}` : false;

    it(
      "answers the transcript and the mean word posterior as JSON with output 'pocketsphinx-time'",
      { skip },
      async () => {
        const argv = ['pocketsphinx_continuous', '-infile', '{audio}', '-time', 'yes'];
        const adapter = createAdapter(
          {
            kind: 'command',
            argv: [...argv, '-logfn', '/dev/null'],
            output: 'pocketsphinx-time',
            limits: { timeoutMs: 60_000 },
          },
          allow,
        );
        const answer = async (id: string) =>
          JSON.parse(
            (
              await adapter.invoke({
                audio: { path: clip(id), filename: `${id}.wav`, mimeType: 'audio/wav' },
              })
            ).text,
          );
        // Debian 12's pocketsphinx 0.8+5prealpha with its default en-us model; the 0880 output is
        // the literal of pocketsphinx-output.spec.ts, whose mean is worked out there by hand.
        assert.deepEqual(await answer('0880'), {
          text: 'he was not an illness those young man',
          confidence: 0.6645,
        });
        const long = await answer('0870');
        assert.equal(
          long.text,
          'and mr john guess what and then at leisure to consider how much there might be greatly in his power to do how about',
        );
        // 24 words; <s>, <sil> and </s> left out
        assert.equal(long.confidence, 0.613902);
        await adapter.close?.();
      },
    );

    it('refuses an unknown output format when the spec is parsed', () => {
      assert.throws(
        () => createAdapter({ kind: 'command', argv: ['cat'], output: 'xml' } as never, allow),
        /output must be 'text' or 'pocketsphinx-time'/,
      );
    });
  });
});
