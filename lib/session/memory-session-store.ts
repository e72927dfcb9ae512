import { Store, type SessionData } from 'express-session';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import type { SessionReader } from './session-reader';
import { DEFAULT_SESSION_TTL_MS, sessionExpiresAt } from './session-record';

type Callback = (error?: unknown) => void;

interface Entry {
  json: string;
  /** When the cookie expires; null for a cookie without an expiry. */
  expiresAt: number | null;
  /** When the entry is dropped: a while after it expired, so a late visitor hears "expired", not "unknown". */
  keepUntil: number;
}

/** An expired session is remembered this long, then forgotten. */
const KEEP_EXPIRED_MS = 60 * 60 * 1000;
/** Forgotten entries are dropped at most this often (on writes), so memory stays bounded. */
const PRUNE_EVERY_MS = 60 * 1000;

/**
 * express-session's store in this process's memory, for the demo (one process, no Redis). Expired sessions
 * are hidden from express-session at once but kept a while for the resolver to report them as expired.
 */
export class MemorySessionStore extends Store implements SessionReader {
  private readonly entries = new Map<string, Entry>();
  private lastPruneAt = -Infinity;

  constructor(private readonly clock: Clock = systemClock) {
    super();
  }

  async readSession(sid: string): Promise<unknown> {
    const entry = this.entries.get(sid);
    return entry ? (JSON.parse(entry.json) as unknown) : null;
  }

  override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    const entry = this.entries.get(sid);
    const live = entry && (entry.expiresAt === null || entry.expiresAt > this.clock.now());
    queueMicrotask(() => callback(null, live ? (JSON.parse(entry.json) as SessionData) : null));
  }

  override set(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    const now = this.clock.now();
    this.prune(now);
    const expiresAt = sessionExpiresAt(session);
    const keepUntil = (expiresAt ?? now + DEFAULT_SESSION_TTL_MS) + KEEP_EXPIRED_MS;
    this.entries.set(sid, { json: JSON.stringify(session), expiresAt, keepUntil });
    queueMicrotask(() => callback());
  }

  override destroy(sid: string, callback: Callback = () => undefined): void {
    this.entries.delete(sid);
    queueMicrotask(() => callback());
  }

  override touch(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    if (this.entries.has(sid)) this.set(sid, session, callback);
    else queueMicrotask(() => callback());
  }

  private prune(now: number): void {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    for (const [sid, entry] of this.entries) if (entry.keepUntil <= now) this.entries.delete(sid);
  }
}
