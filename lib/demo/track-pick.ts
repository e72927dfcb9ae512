import type { Random } from '../random/random';
import type { CatalogTrack } from '../simulator/catalog';
import { moodWordsFor } from './mood-words';

/**
 * Stands in for the LLM's choice of a track for a spoken command: the track whose title, artist or album shares
 * the most words with the command (directly, or through the mood it names), ties broken at random; when
 * nothing matches, a random discovery. Interludes shorter than a minute and the item already playing are
 * never picked, so the change is plain to see.
 */

export interface TrackPick {
  track: CatalogTrack;
  /** The command's word the pick answers to, or null for a random discovery. */
  matchedWord: string | null;
}

/** Words that say what to do rather than what to play. */
const FILLER = new Set(
  'a an and any be by can for from give i in is it just me my of on play please put some something song songs start the to track tune tunes want with music listen like more'.split(
    ' ',
  ),
);

const MIN_PICK_MS = 60_000;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function pickTrack(
  tracks: readonly CatalogTrack[],
  command: string,
  random: Random,
  playingUri: string | null,
): TrackPick {
  const candidates = tracks.filter((t) => t.durationMs >= MIN_PICK_MS && t.uri !== playingUri);
  if (candidates.length === 0) throw new RangeError('pickTrack: no track of a minute or more to pick from');
  const asked = [...new Set(wordsOf(command).filter((word) => !FILLER.has(word)))];
  let best: { track: CatalogTrack; matchedWord: string }[] = [];
  let bestScore = 0;
  for (const track of candidates) {
    const { score, matchedWord } = scoreTrack(track, asked);
    if (matchedWord === null || score < bestScore) continue;
    if (score > bestScore) best = [];
    bestScore = score;
    best.push({ track, matchedWord });
  }
  return best.length > 0 ? random.pick(best) : { track: random.pick(candidates), matchedWord: null };
}

/** A word of the title, artist or album named in the command counts 2; one reached through a mood counts 1. */
function scoreTrack(
  track: CatalogTrack,
  asked: readonly string[],
): { score: number; matchedWord: string | null } {
  const own = new Set(
    wordsOf([track.name, track.album.name, ...track.artists.map((artist) => artist.name)].join(' ')),
  );
  let score = 0;
  let matchedWord: string | null = null;
  let matchedPoints = 0;
  for (const word of asked) {
    const points = own.has(word) ? 2 : moodWordsFor(word).some((mood) => own.has(mood)) ? 1 : 0;
    // The reasoning names the strongest reason: a word of the track itself over a mood.
    if (points > matchedPoints) {
      matchedWord = word;
      matchedPoints = points;
    }
    score += points;
  }
  return { score, matchedWord };
}
