import { SeededRandom } from '../../lib/random/random';
import { Catalog } from '../../lib/simulator/catalog';
import { isSpotifyUri } from '../../lib/simulator/ids';

describe('the generated catalog', () => {
  const catalog = new Catalog(new SeededRandom(1));

  it('is the same for the same seed and differs for another', () => {
    const again = new Catalog(new SeededRandom(1));
    expect(again.tracks.map((t) => [t.uri, t.name, t.durationMs])).toEqual(
      catalog.tracks.map((t) => [t.uri, t.name, t.durationMs]),
    );
    expect(new Catalog(new SeededRandom(2)).tracks[0]!.uri).not.toBe(catalog.tracks[0]!.uri);
  });

  it('has real-looking unique ids and URIs', () => {
    const items = [...catalog.tracks, ...catalog.episodes];
    for (const item of items) {
      expect(item.id).toMatch(/^[0-9A-Za-z]{22}$/);
      expect(isSpotifyUri(item.uri, [item.type])).toBe(true);
    }
    expect(new Set(items.map((i) => i.uri)).size).toBe(items.length);
  });

  it('has realistic durations, including tracks under 30 s and long episodes', () => {
    const durations = catalog.tracks.map((t) => t.durationMs);
    const short = durations.filter((d) => d < 30_000);
    expect(short.length).toBeGreaterThan(catalog.tracks.length * 0.02);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...durations)).toBeLessThanOrEqual(720_000);
    const median = [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)]!;
    expect(median).toBeGreaterThan(180_000);
    expect(median).toBeLessThan(330_000);
    expect(catalog.episodes.every((e) => e.durationMs >= 15 * 60_000)).toBe(true);
  });

  it('finds items and contexts by URI', () => {
    const track = catalog.tracks[10]!;
    expect(catalog.item(track.uri)).toBe(track);
    expect(catalog.context(track.album.uri)?.items).toContain(track);
    const types = new Set([...catalog.musicContexts, ...catalog.showContexts].map((c) => c.type));
    expect(types).toEqual(new Set(['album', 'playlist', 'artist', 'show']));
    expect(catalog.item('spotify:track:nope')).toBeUndefined();
  });
});
