import type { Redis } from 'ioredis';
import { assertInstant, assertNonEmptyString, assertPositiveDuration } from '../argument-checks';
import type { StoreKeys } from '../keys';
import type { RefreshLockStore } from '../refresh-lock-store';
import { gcTtlMs } from './gc-ttl';
import { luaCommand, type LuaCommand } from './lua-command';
import { CLAIM_LUA, RELEASE_LUA } from './ownership-lua';

export class RedisRefreshLockStore implements RefreshLockStore {
  private readonly claim: LuaCommand;
  private readonly release: LuaCommand;

  constructor(
    redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.claim = luaCommand(redis, 'Claim', 1, CLAIM_LUA);
    this.release = luaCommand(redis, 'Release', 1, RELEASE_LUA);
  }

  async tryLock(userId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    const key = this.keys.refreshLock(userId);
    assertNonEmptyString('refreshLocks.tryLock', 'owner', owner);
    assertPositiveDuration('refreshLocks.tryLock', 'ttlMs', ttlMs);
    assertInstant('refreshLocks.tryLock', 'now', now);
    return (await this.claim([key], [owner, now, now + ttlMs, gcTtlMs(ttlMs)])) === 1;
  }

  async unlock(userId: string, owner: string): Promise<boolean> {
    const key = this.keys.refreshLock(userId);
    assertNonEmptyString('refreshLocks.unlock', 'owner', owner);
    return (await this.release([key], [owner])) === 1;
  }
}
