import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { assertKeyPart } from '../store/key-part';
import { storeKeys } from '../store/keys';

export type CallPermit = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts each user's client calls on `/music` against a per-minute limit. */
export interface CallLimiter {
  /** Calls a user may make per minute, on all gateways together. */
  readonly callsPerMinute: number;
  /** Counts one call; refused (with the wait until the next is allowed) when the user is over the limit. */
  take(userId: string): Promise<CallPermit>;
}

export interface CallLimiterOptions {
  /** WEBSOCKET_MUSIC_EVENT_RATE_LIMIT. Default 100. */
  callsPerMinute: number;
  /** The store's key prefix (REDIS_KEY_PREFIX). Default `music:`. */
  prefix: string;
}

const MINUTE_S = 60;

/**
 * rate-limiter-flexible over Redis (one counter per user and minute, shared by every gateway), or over this
 * process's memory without Redis. While Redis is unreachable the Redis limiter falls back at once to an
 * in-process one, so calls keep being limited (per gateway) instead of waiting on Redis.
 */
export class RateLimiterCallLimiter implements CallLimiter {
  readonly callsPerMinute: number;
  private readonly limiter: RateLimiterAbstract;

  constructor(redis: Redis | null, options: Partial<CallLimiterOptions> = {}) {
    const callsPerMinute = options.callsPerMinute ?? 100;
    if (!Number.isSafeInteger(callsPerMinute) || callsPerMinute < 1) {
      throw new RangeError(
        `Call limiter: callsPerMinute must be an integer >= 1, got ${JSON.stringify(callsPerMinute)}`,
      );
    }
    this.callsPerMinute = callsPerMinute;
    const keyPrefix = storeKeys(options.prefix).wsCallRatePrefix;
    const memory = new RateLimiterMemory({ points: callsPerMinute, duration: MINUTE_S, keyPrefix });
    this.limiter =
      redis === null
        ? memory
        : new RateLimiterRedis({
            storeClient: redis,
            points: callsPerMinute,
            duration: MINUTE_S,
            keyPrefix,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          });
  }

  async take(userId: string): Promise<CallPermit> {
    assertKeyPart('userId', userId);
    try {
      await this.limiter.consume(userId);
      return { allowed: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterMs: refusal.msBeforeNext };
      throw refusal;
    }
  }
}
