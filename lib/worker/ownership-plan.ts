import { preferredWorker } from './rendezvous';

/** What one worker knows at a membership tick. */
export interface OwnershipView {
  me: string;
  /** Live workers (heartbeats), including `me`. */
  liveWorkers: readonly string[];
  /** Users to poll: active sockets, lingering, or a live hint. */
  activeUsers: readonly string[];
  /** Users whose lease `me` holds now. */
  held: readonly string[];
}

export interface OwnershipPlan {
  /** Leases to take or renew; a user may still be held by another worker, in which case the store refuses. */
  acquire: string[];
  /** Leases to give up: the user went inactive, or belongs to another live worker now. */
  release: string[];
}

/**
 * Which leases to take, renew and give up. A worker claims the active users rendezvous hashing gives it and
 * keeps renewing them; it gives up users that went inactive and users another live worker is preferred for
 * (that worker claims them at its next tick, diffing from the stored state). A user whose preferred worker has
 * died is claimed by its new preferred worker once the dead one drops out of the live set; its lease lapses
 * within the lease TTL. Pure.
 */
export function planOwnership(view: OwnershipView): OwnershipPlan {
  const active = new Set(view.activeUsers);
  const acquire: string[] = [];
  const release: string[] = [];
  const workers = view.liveWorkers.includes(view.me) ? view.liveWorkers : [...view.liveWorkers, view.me];
  for (const userId of view.activeUsers) {
    if (preferredWorker(userId, workers) === view.me) acquire.push(userId);
  }
  for (const userId of view.held) {
    if (!active.has(userId) || preferredWorker(userId, workers) !== view.me) release.push(userId);
  }
  return { acquire, release };
}
