import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { redisConnectionOptions } from '../../jobs/redis-connection';

/**
 * Counts in one atomic step: while the block key lives the caller stays refused (and is not counted); otherwise the
 * hit counter grows within its window, and going over the limit sets the block key and starts the count afresh.
 * Returns { hits, msToWindowEnd, msToBlockEnd }.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {tonumber(ARGV[2]) + 1, blocked, blocked} end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return {hits, ttl, tonumber(ARGV[3])}
end
return {hits, ttl, 0}
`;

/** Redis errors (down, timed out) while counting: the filter answers 503, never lets the attempt through. */
export class LimiterUnavailableError extends Error {}

/**
 * @nestjs/throttler storage in Redis, so every API replica shares the login counters. Its own connection: commands
 * fail within a second while Redis is away (no offline queue of login attempts), and it never delays shutdown.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.redisUrl),
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectTimeout: 1_000,
      enableOfflineQueue: true,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on('error', () => undefined);
    this.prefix = `${config.queuePrefix}:login-limit`;
  }

  /** `key`: throttler name and a hash of the tracker (LoginThrottlerGuard.generateKey); ttl and block in ms. */
  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    let reply: [number, number, number];
    try {
      reply = (await this.redis.eval(INCREMENT, 2, `${this.prefix}:${key}`, `${this.prefix}:${key}:blocked`, ttl, limit, blockDuration)) as [number, number, number];
    } catch (e) {
      throw new LimiterUnavailableError((e as Error).message);
    }
    const [hits, windowMs, blockMs] = reply;
    return {
      totalHits: hits,
      timeToExpire: Math.max(1, Math.ceil(windowMs / 1000)),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
