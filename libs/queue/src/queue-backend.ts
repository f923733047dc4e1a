import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';

export type QueueBackendKind = 'postgres' | 'redis';

export interface QueueConnection {
  kind: QueueBackendKind;
  /** What BullMQ's `connection` option takes for this backend. */
  connection: ConnectionOptions;
}

/**
 * Chooses BullMQ's backend for this process: Redis when REDIS_URL is set (the scale-out path),
 * otherwise the PostgreSQL backend on the application's own database. Must run before any
 * Queue or Worker is created, because the backend factory is process-wide.
 */
export function configureQueueBackend(options: {
  redisUrl?: string;
  databaseUrl: string;
}): QueueConnection {
  if (options.redisUrl) {
    setDefaultBackendFactory();
    const url = new URL(options.redisUrl);
    return {
      kind: 'redis',
      connection: {
        host: url.hostname,
        port: Number(url.port || 6379),
        username: url.username || undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
        tls: url.protocol === 'rediss:' ? {} : undefined,
        // BullMQ workers need blocking commands to wait forever rather than fail.
        maxRetriesPerRequest: null,
      } as ConnectionOptions,
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    kind: 'postgres',
    connection: {
      connectionString: options.databaseUrl,
      migrate: true,
      max: 5,
    } as unknown as ConnectionOptions,
  };
}
