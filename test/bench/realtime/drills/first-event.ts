import type { MusicEvent } from '../../../../lib/contract/events';
import type { Observed, ObservedClient } from './observed-client';

/** The first event at or after `since` (matching `match`) at any of `clients`; null when none within `timeoutMs`. */
export function firstEvent(
  clients: readonly ObservedClient[],
  since: number,
  timeoutMs: number,
  match: (event: MusicEvent) => boolean = () => true,
): Promise<Observed | null> {
  return new Promise((resolve) => {
    let pending = clients.length;
    if (pending === 0) resolve(null);
    for (const client of clients) {
      void client.waitFor(match, since, timeoutMs).then((observed) => {
        pending--;
        if (observed) resolve(observed);
        else if (pending === 0) resolve(null);
      });
    }
  });
}

/** For each client, its first matching event at or after `since` (null where none came within `timeoutMs`). */
export function eachFirst(
  clients: readonly ObservedClient[],
  since: number,
  timeoutMs: number,
  match: (event: MusicEvent) => boolean,
): Promise<Array<Observed | null>> {
  return Promise.all(clients.map((client) => client.waitFor(match, since, timeoutMs)));
}
