import { startThrowawayPostgres } from '../postgres-server';

export interface RestartablePostgres {
  /** URL of the `lastmile` database on this server. */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (SIGINT): open connections are cut; the data directory stays. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of its own for a spec that stops and restarts the database under running
 * services (the session's shared server must stay up for the other specs). persistent: true so
 * stop() keeps the data directory.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const { server, port, remove } = await startThrowawayPostgres({
    name: 'restartable',
    flags: ['-c', 'max_connections=200', '-c', 'fsync=off'],
    persistent: true,
  });
  await server.createDatabase('lastmile');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/lastmile`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    destroy: remove,
  };
}
