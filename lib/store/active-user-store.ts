/**
 * Users to poll because a client of theirs is subscribed (or just left and they linger). The gateway touches a
 * user on subscribe and on every heartbeat; several gateways may touch the same user.
 */
export interface ActiveUserStore {
  /** Keeps the user active until `until`; never shortens an entry (another gateway may still hold sockets). */
  touch(userId: string, until: number): Promise<void>;
  remove(userId: string): Promise<void>;
  /** Users whose entry lasts beyond `now`, sorted; lapsed entries are pruned. */
  active(now: number): Promise<string[]>;
}
