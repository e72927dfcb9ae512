import type { Random } from '../random/random';

/**
 * A hint id: the recording instant and 60 random bits, base 36. Hints of one user are keyed by id and several
 * processes record them, so the id must not depend on a per-process counter.
 */
export function newHintId(random: Random, recordedAt: number): string {
  const bits = () => random.int(2 ** 30).toString(36);
  return `${Math.floor(recordedAt).toString(36)}-${bits()}${bits()}`;
}
