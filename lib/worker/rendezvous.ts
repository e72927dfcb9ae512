import { createHash } from 'node:crypto';

/**
 * Rendezvous (highest-random-weight) hashing: every worker computes, for each user, the same preferred worker
 * among the live ones, so users spread evenly without coordination, and when a worker joins or leaves only
 * the users it gains or loses move.
 */
export function preferredWorker(userId: string, liveWorkers: readonly string[]): string | null {
  let best: string | null = null;
  let bestWeight = -1n;
  for (const worker of liveWorkers) {
    const weight = createHash('sha1').update(`${worker}\u0000${userId}`).digest().readBigUInt64BE(0);
    if (weight > bestWeight || (weight === bestWeight && best !== null && worker < best)) {
      best = worker;
      bestWeight = weight;
    }
  }
  return best;
}
