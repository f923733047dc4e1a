import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.LASTMILE_HOME, './.lastmile');
    assert.equal(config.LASTMILE_ALLOW_COMMAND_ADAPTERS, false);
  });

  it('names the variable and the reason when a value is invalid', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT: .*number/i);
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      /DATABASE_URL: must be a postgres/,
    );
    assert.throws(() => loadConfig({ REDIS_URL: 'http://x' }), /REDIS_URL: must be a redis/);
    assert.throws(
      () => loadConfig({ LASTMILE_ADMIN_KEY: 'short' }),
      /LASTMILE_ADMIN_KEY: must be at least 8/,
    );
  });

  it('reads booleans strictly', () => {
    assert.equal(
      loadConfig({ LASTMILE_ALLOW_COMMAND_ADAPTERS: 'true' }).LASTMILE_ALLOW_COMMAND_ADAPTERS,
      true,
    );
    assert.throws(
      () => loadConfig({ LASTMILE_ALLOW_COMMAND_ADAPTERS: 'yes' }),
      /LASTMILE_ALLOW_COMMAND_ADAPTERS/,
    );
  });
});
