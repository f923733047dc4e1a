import { randomUUID } from 'node:crypto';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * One sliding window per key, as @nestjs/throttler's in-memory storage keeps it (a hit counts for
 * `ttl` ms from when it was made), with the optional block after the limit; in one script, so
 * replicas counting the same key never interleave. Times come from Redis (one clock for every
 * replica). Returns [hits, msToExpire, blocked, msToBlockExpire].
 */
const INCREMENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
local blockedFor = redis.call('PTTL', KEYS[2])
local hits = redis.call('ZCARD', KEYS[1])
if blockedFor > 0 then
  return {hits, ttl, 1, blockedFor}
end
if block <= 0 and hits >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {hits + 1, ttl, 1, tonumber(oldest[2]) + ttl - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], ttl)
hits = hits + 1
if block > 0 and hits > limit then
  redis.call('SET', KEYS[2], '1', 'PX', block)
  return {hits, ttl, 1, block}
end
return {hits, ttl, 0, 0}
`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The API rate limits counted in Redis when the deployment has one (REDIS_URL): every API replica
 * then spends the same budget, where the in-memory default counts per process. If Redis cannot
 * be reached the request is let through and a warning logged (a rate limit must not take the API
 * down with it); commands fail at once rather than queue while it is away.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly logger = new Logger('rate-limit');

  constructor(connection: RedisOptions) {
    this.redis = new Redis({
      ...connection,
      keyPrefix: 'lastmile:rate:',
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    // Connection errors surface per command below; ioredis reconnects by itself.
    this.redis.on('error', () => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${throttlerName}:${key}`;
    try {
      const [hits, expire, blocked, blockExpire] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
        randomUUID(),
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: seconds(expire),
        isBlocked: blocked === 1,
        timeToBlockExpire: blocked === 1 ? Math.max(1, seconds(blockExpire)) : 0,
      };
    } catch (error) {
      this.logger.warn(`rate limit not counted (Redis: ${(error as Error).message})`);
      return { totalHits: 0, timeToExpire: seconds(ttl), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
