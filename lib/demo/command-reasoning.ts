import type { CatalogTrack } from '../simulator/catalog';
import type { TrackPick } from './track-pick';

/** The one-sentence explanations the demo's stand-in for the LLM gives with its `ai` hints. */

const MAX_QUOTED = 80;

function quoted(command: string): string {
  const text = command.trim().replace(/\s+/g, ' ');
  return `"${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text}"`;
}

function title(track: CatalogTrack): string {
  return `"${track.name}" by ${track.artists.map((artist) => artist.name).join(' & ')}`;
}

export function pickReasoning(command: string, pick: TrackPick): string {
  if (pick.matchedWord === null) {
    return `Nothing in the library matches ${quoted(command)} by name, so here is a discovery: ${title(pick.track)}.`;
  }
  return `You asked for ${quoted(command)}: ${title(pick.track)} fits "${pick.matchedWord}".`;
}

export function namedTrackReasoning(command: string, track: CatalogTrack): string {
  return `You asked for ${quoted(command)} and named the track: ${title(track)}.`;
}
