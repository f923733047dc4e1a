import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
