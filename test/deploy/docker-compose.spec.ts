import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// No Docker engine here: the compose file is checked for the structure that makes it work.
const root = join(__dirname, '..', '..', '..');
// merge: compose resolves YAML merge keys (<<: *anchor).
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('defines postgres, redis, grafana, api and runner, each with a health check', () => {
    for (const name of ['postgres', 'redis', 'grafana', 'api', 'runner'])
      assert.ok(compose.services[name], name);
    for (const name of ['postgres', 'redis', 'api', 'runner'])
      assert.ok(compose.services[name].healthcheck?.test, `${name} health check`);
  });

  it('builds api and runner from the Dockerfile and points them at postgres and redis', () => {
    assert.ok(existsSync(join(root, 'Dockerfile')));
    for (const name of ['api', 'runner']) {
      const service = compose.services[name];
      assert.equal(service.build, '.');
      assert.match(service.environment.DATABASE_URL, /@postgres:5432\//);
      assert.equal(service.environment.REDIS_URL, 'redis://redis:6379');
      assert.equal(service.depends_on.postgres.condition, 'service_healthy');
    }
    assert.deepEqual(compose.services.api.command, ['serve', '--no-runner']);
    assert.deepEqual(compose.services.runner.command, ['serve', '--no-api']);
  });

  it('lets the runner scale out: no container name and no published host port', () => {
    const runner = compose.services.runner;
    assert.equal(runner.container_name, undefined);
    assert.equal(runner.ports, undefined);
  });

  it('mounts only files the repository has', () => {
    for (const service of Object.values<{ volumes?: string[] }>(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) assert.ok(existsSync(join(root, source)), `${source} exists`);
      }
    }
  });
});
