import type { Redis } from 'ioredis';
import type { UnpublishedEvent } from '../../contract/events';
import { assertPositiveInteger } from '../argument-checks';
import {
  deserializeEvent,
  eventIdMs,
  serializeEvent,
  type EventStreamStore,
  type ReadAfterResult,
  type StreamEntry,
} from '../event-stream-store';
import type { StoreKeys } from '../keys';
import { assertEventId, hasReplayGap, type OldestHeld } from '../replay-gap';
import { StoreDataError } from '../store-data-error';
import { luaCommand, type LuaCommand } from './lua-command';
import { execResults, replyString } from './redis-replies';

/**
 * KEYS: the stream. ARGV: ms (the caller's clock), buffer size, event JSON, ttl. The id is `<ms>-*` with `ms`
 * raised to the newest entry's when the clock is behind it (another worker's clock, a lease takeover), so
 * ids never go backwards and never come from Redis' own clock. Each entry records its predecessor's id, which
 * makes gap detection exact under `MAXLEN ~` trimming (see replay-gap.ts).
 */
const APPEND = `
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local previous = '0-0'
local ms = ARGV[1]
if newest then
  previous = newest[1]
  local newestMs = string.match(previous, '^(%d+)-')
  if tonumber(newestMs) > tonumber(ms) then ms = newestMs end
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], ms .. '-*', 'previous', previous, 'event', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return id
`;

type RawEntry = [id: string, fields: string[]];

/** The seed's `ws:user:{id}:buffer` stream, trimmed with `MAXLEN ~ bufferSize`, deleted `bufferTtlMs` after its last append. */
export class RedisEventStreamStore implements EventStreamStore {
  private readonly appendScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly bufferSize: number,
    private readonly bufferTtlMs: number,
  ) {
    this.appendScript = luaCommand(redis, 'AppendEvent', 1, APPEND);
  }

  async append(userId: string, event: UnpublishedEvent, now: number): Promise<string> {
    const key = this.keys.eventStream(userId);
    const ms = eventIdMs('eventStreams.append', now);
    const args = [ms, this.bufferSize, serializeEvent(event), this.bufferTtlMs];
    return replyString(key, await this.appendScript([key], args));
  }

  async readAfter(userId: string, lastEventId: string, limit: number): Promise<ReadAfterResult> {
    const key = this.keys.eventStream(userId);
    assertEventId('eventStreams.readAfter', lastEventId);
    assertPositiveInteger('eventStreams.readAfter', 'limit', limit);
    const [oldestReply, afterReply] = execResults(
      key,
      await this.redis
        .multi()
        .xrange(key, '-', '+', 'COUNT', 1)
        .xrange(key, `(${lastEventId}`, '+', 'COUNT', limit)
        .exec(),
    );
    const oldest = (oldestReply as RawEntry[])[0];
    const oldestHeld: OldestHeld | null = oldest
      ? { id: oldest[0], previousId: field(key, oldest, 'previous') }
      : null;
    if (hasReplayGap(lastEventId, oldestHeld)) return { events: [], gap: true };
    const events = (afterReply as RawEntry[]).map((entry): StreamEntry => ({
      id: entry[0],
      event: deserializeEvent(key, field(key, entry, 'event'), entry[0]),
    }));
    return { events, gap: false };
  }

  async lastId(userId: string): Promise<string | null> {
    const [newest] = (await this.redis.xrevrange(
      this.keys.eventStream(userId),
      '+',
      '-',
      'COUNT',
      1,
    )) as RawEntry[];
    return newest ? newest[0] : null;
  }
}

function field(key: string, [id, fields]: RawEntry, name: string): string {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] as string;
  throw new StoreDataError(key, `entry ${id} has no field '${name}'`);
}
