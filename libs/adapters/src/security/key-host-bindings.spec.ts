import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RESERVED_ENV_NAMES } from '@lastmile/config';
import { createAdapter } from '../adapters/create-adapter';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { HttpToxicityScorer } from '../scorers/http-toxicity-scorer';
import { apiKeyTargets, KeyHostBindings } from './key-host-bindings';
import { ServerPolicy } from './server-policy';

const BINDINGS =
  'LASTMILE_MODEL_KEY_OPENAI=api.openai.com; LASTMILE_MODEL_KEY_AZURE=*.openai.azure.com,10.1.0.0/16';
const env = {
  LASTMILE_MODEL_KEY_OPENAI: 'sk-o',
  LASTMILE_MODEL_KEY_AZURE: 'az',
  LASTMILE_MODEL_KEY_FREE: 'f',
};

describe('KeyHostBindings (LASTMILE_SECRET_ENV_HOSTS)', () => {
  const bindings = new KeyHostBindings(BINDINGS);

  it('sends a bound key only to the hosts its binding lists, and leaves unbound keys alone', () => {
    assert.deepEqual(bindings.names, ['LASTMILE_MODEL_KEY_OPENAI', 'LASTMILE_MODEL_KEY_AZURE']);
    assert.equal(bindings.refusal('LASTMILE_MODEL_KEY_OPENAI', 'https://api.openai.com/v1'), null);
    assert.equal(
      bindings.refusal('LASTMILE_MODEL_KEY_AZURE', 'https://eu.openai.azure.com/x'),
      null,
    );
    assert.equal(bindings.refusal('LASTMILE_MODEL_KEY_AZURE', 'http://10.1.2.3:8080/x'), null);
    for (const [name, url] of [
      ['LASTMILE_MODEL_KEY_OPENAI', 'https://attacker.example/v1'],
      ['LASTMILE_MODEL_KEY_OPENAI', 'https://api.openai.com.attacker.example/v1'],
      ['LASTMILE_MODEL_KEY_AZURE', 'http://10.2.0.1/x'],
      // A name is matched by name: one that merely resolves into a listed range is not enough.
      ['LASTMILE_MODEL_KEY_AZURE', 'http://internal.example/x'],
    ])
      assert.match(
        bindings.refusal(name, url)!,
        new RegExp(
          `${name} may only be sent to the hosts LASTMILE_SECRET_ENV_HOSTS binds it to, not ${new URL(url).host.replace(/\./g, '\\.')}$`,
        ),
      );
    assert.equal(bindings.refusal('LASTMILE_MODEL_KEY_FREE', 'https://anywhere.example'), null);
    assert.equal(bindings.refusal(undefined, 'https://anywhere.example'), null);
    // A template's placeholders never change its origin (urlTemplateSchema): dropped for the check.
    assert.equal(
      bindings.refusal('LASTMILE_MODEL_KEY_OPENAI', 'https://api.openai.com/v1/{{model}}'),
      null,
    );
  });

  it('refuses a malformed setting at start-up', () => {
    for (const text of [
      'LASTMILE_MODEL_KEY_A',
      '=api.openai.com',
      'LASTMILE_MODEL_KEY_A=',
      'A=bad host!',
    ])
      assert.throws(() => new KeyHostBindings(text), AdapterConfigError, text);
    assert.deepEqual(new KeyHostBindings('').names, []);
  });

  it('finds every key a spec sends with the URL it goes to', () => {
    assert.deepEqual(
      apiKeyTargets({
        kind: 'openai-chat',
        baseUrl: 'https://a.example/v1',
        apiKeyEnv: 'A',
        config: { judge: { model: { url: 'https://b.example/{{input}}', apiKeyEnv: 'B' } } },
        classifier: { style: 'perspective', apiKeyEnv: 'C' },
      }),
      [
        { path: 'apiKeyEnv', name: 'A', url: 'https://a.example/v1' },
        { path: 'config.judge.model.apiKeyEnv', name: 'B', url: 'https://b.example/{{input}}' },
        { path: 'classifier.apiKeyEnv', name: 'C', url: undefined },
      ],
    );
  });

  it('is held by the API policy, by adapters when built and by classifiers with a default URL', () => {
    const policy = new ServerPolicy(
      {
        LASTMILE_ALLOW_COMMAND_ADAPTERS: false,
        LASTMILE_COMMAND_ALLOWLIST: '',
        LASTMILE_URL_ALLOWLIST: '',
        LASTMILE_CUSTOMER_URL_ALLOWLIST: '',
        LASTMILE_SECRET_ENV_PREFIX: 'LASTMILE_MODEL_KEY_',
        LASTMILE_SECRET_ENV_NAMES: '',
        LASTMILE_CREDENTIAL_HEADERS: '',
        LASTMILE_SECRET_ENV_HOSTS: BINDINGS,
      },
      RESERVED_ENV_NAMES,
    );
    const spec = {
      kind: 'openai-chat' as const,
      baseUrl: 'https://attacker.example/v1',
      model: 'm',
      apiKeyEnv: 'LASTMILE_MODEL_KEY_OPENAI',
    };
    assert.deepEqual(
      policy.specRefusals(spec).map((r) => r.path),
      ['apiKeyEnv'],
    );
    assert.deepEqual(policy.specRefusals({ ...spec, baseUrl: 'https://api.openai.com/v1' }), []);
    assert.throws(
      () => createAdapter(spec, { env, keyHosts: policy.keyHosts }),
      (e: unknown) => e instanceof AdapterConfigError && /not attacker\.example/.test(e.message),
    );
    // Perspective's default URL is Google's: a key bound to OpenAI may not go there.
    assert.throws(
      () =>
        new HttpToxicityScorer(
          { style: 'perspective', apiKeyEnv: 'LASTMILE_MODEL_KEY_OPENAI' },
          { env, keyHosts: policy.keyHosts },
        ),
      (e: unknown) =>
        e instanceof AdapterConfigError && /not commentanalyzer\.googleapis\.com/.test(e.message),
    );
  });
});
