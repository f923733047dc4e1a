import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Creates an empty database on the session's test server; returns its URL and a drop function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.LASTMILE_TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error('LASTMILE_TEST_DATABASE_URL is not set: run tests with `npm test`');
  const name = `lastmile_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
