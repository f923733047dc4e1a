import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiKeyEnvNames, SecretEnvPolicy } from './secret-env-policy';

describe('SecretEnvPolicy', () => {
  const reserved = ['LASTMILE_ADMIN_KEY', 'DATABASE_URL', 'REDIS_URL', 'LASTMILE_SECRETS_KEY'];

  it('permits the operator prefix and list, never a reserved setting, whatever the prefix', () => {
    const policy = new SecretEnvPolicy('LASTMILE_MODEL_KEY_', ['AZURE_OPENAI_KEY'], reserved);
    assert.equal(policy.refusal('LASTMILE_MODEL_KEY_OPENAI'), null);
    assert.equal(policy.refusal('AZURE_OPENAI_KEY'), null);
    assert.match(policy.refusal('OPENAI_API_KEY')!, /must start with LASTMILE_MODEL_KEY_/);
    assert.match(policy.refusal('DATABASE_URL')!, /service's own settings/);
    // An operator who widens the prefix to LASTMILE_ still cannot hand out the admin key.
    const wide = new SecretEnvPolicy('LASTMILE_', [], reserved);
    assert.match(wide.refusal('LASTMILE_ADMIN_KEY')!, /service's own settings/);
    assert.equal(wide.refusal('LASTMILE_SOMETHING'), null);
  });

  it('filters an environment down to the permitted variables', () => {
    const policy = new SecretEnvPolicy('LASTMILE_MODEL_KEY_', [], reserved);
    assert.deepEqual(
      policy.filter({
        LASTMILE_MODEL_KEY_A: 'a',
        LASTMILE_ADMIN_KEY: 'admin',
        DATABASE_URL: 'postgres://x',
        PATH: '/bin',
        LASTMILE_MODEL_KEY_UNSET: undefined,
      }),
      { LASTMILE_MODEL_KEY_A: 'a' },
    );
  });

  it('finds every apiKeyEnv at any depth of a spec or config, with its path', () => {
    assert.deepEqual(
      apiKeyEnvNames({
        kind: 'openai-chat',
        apiKeyEnv: 'A',
        judges: [{ classifier: { apiKeyEnv: 'B' } }],
        note: { apiKeyEnv: 3 },
      }),
      [
        { path: 'apiKeyEnv', name: 'A' },
        { path: 'judges[0].classifier.apiKeyEnv', name: 'B' },
      ],
    );
  });
});
