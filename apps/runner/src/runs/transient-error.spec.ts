import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isTransientDatabaseError } from './transient-error';

function databaseError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isTransientDatabaseError', () => {
  it('recognises a refused connection from node-postgres', async () => {
    const client = new Client({
      host: '127.0.0.1',
      port: await closedPort(),
      connectionTimeoutMillis: 2000,
    });
    const error = await client.connect().then(
      () => assert.fail('connected to a closed port'),
      (refused: unknown) => refused,
    );
    assert.equal(isTransientDatabaseError(error), true);
  });

  it('recognises a server shutting down, starting up or out of connections', () => {
    assert.equal(
      isTransientDatabaseError(
        databaseError('57P01', 'terminating connection due to administrator command'),
      ),
      true,
    );
    assert.equal(
      isTransientDatabaseError(databaseError('57P03', 'the database system is starting up')),
      true,
    );
    assert.equal(
      isTransientDatabaseError(databaseError('53300', 'sorry, too many clients already')),
      true,
    );
    assert.equal(isTransientDatabaseError(databaseError('08006', 'connection failure')), true);
  });

  it('recognises the plain errors node-postgres raises for a dropped connection', () => {
    assert.equal(isTransientDatabaseError(new Error('Connection terminated unexpectedly')), true);
    assert.equal(
      isTransientDatabaseError(new Error('timeout exceeded when trying to connect')),
      true,
    );
    assert.equal(
      isTransientDatabaseError(
        new Error('Client has encountered a connection error and is not queryable'),
      ),
      true,
    );
  });

  it('looks inside the QueryFailedError TypeORM wraps driver errors in', () => {
    const wrapped = new QueryFailedError(
      'INSERT ...',
      [],
      databaseError('57P01', 'terminating connection'),
    );
    assert.equal(isTransientDatabaseError(wrapped), true);
  });

  it('does not retry errors that would happen again: bad SQL, constraint violations, bugs', () => {
    assert.equal(
      isTransientDatabaseError(databaseError('42601', 'syntax error at or near "SELEC"')),
      false,
    );
    assert.equal(
      isTransientDatabaseError(
        new QueryFailedError('INSERT', [], databaseError('23505', 'duplicate key')),
      ),
      false,
    );
    assert.equal(
      isTransientDatabaseError(new TypeError("Cannot read properties of undefined (reading 'id')")),
      false,
    );
    assert.equal(isTransientDatabaseError(new Error('run 1 does not exist')), false);
    assert.equal(isTransientDatabaseError(null), false);
    assert.equal(isTransientDatabaseError('ECONNRESET'), false);
  });
});
