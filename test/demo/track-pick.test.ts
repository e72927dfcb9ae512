import { moodWordsFor } from '../../lib/demo/mood-words';
import { pickTrack, wordsOf } from '../../lib/demo/track-pick';
import { SeededRandom } from '../../lib/random/random';
import { SimWorld } from '../../lib/simulator';
import { VirtualClock } from '../../lib/time/virtual-clock';

const { tracks } = new SimWorld(new VirtualClock(), { seed: 'track-pick' }).catalog;

function words(track: (typeof tracks)[number]): string[] {
  return wordsOf([track.name, track.album.name, ...track.artists.map((a) => a.name)].join(' '));
}

describe('pickTrack', () => {
  it('answers a mood with a track whose words carry it', () => {
    const pick = pickTrack(tracks, 'play something calm', new SeededRandom(1), null);
    expect(pick.matchedWord).toBe('calm');
    expect(words(pick.track).some((word) => moodWordsFor('calm').includes(word))).toBe(true);
  });

  it('prefers a word of the title itself to a mood', () => {
    const named = tracks.find((t) => t.durationMs >= 60_000 && wordsOf(t.name).includes('fire'));
    expect(named).toBeDefined();
    const pick = pickTrack(tracks, 'something calm with fire', new SeededRandom(2), null);
    expect(pick.matchedWord).toBe('fire');
    expect(words(pick.track)).toContain('fire');
  });

  it('makes a discovery when nothing matches: never an interlude, never what is playing', () => {
    const playing = tracks.find((t) => t.durationMs >= 60_000)!.uri;
    const picks = Array.from({ length: 50 }, (_, i) =>
      pickTrack(tracks, 'play xyzzy', new SeededRandom(`discovery-${i}`), playing),
    );
    expect(picks.every((p) => p.matchedWord === null)).toBe(true);
    expect(picks.every((p) => p.track.durationMs >= 60_000 && p.track.uri !== playing)).toBe(true);
    expect(new Set(picks.map((p) => p.track.uri)).size).toBeGreaterThan(10);
  });
});
