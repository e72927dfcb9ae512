import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { compareEventIds } from '../../lib/contract/event-id';
import type { MusicEvent } from '../../lib/contract/events';
import { DEFAULT_ENGINE_OPTIONS } from '../../lib/core/engine-options';
import { parsePollLogLine } from '../../lib/replay/poll-log';
import { initialReplayState, replayLine } from '../../lib/replay/replay';
import { runReplay } from '../../lib/replay/run-replay';
import { loadSpotifyFixture } from '../core/normalize/spotify-fixtures';
import { validateAgainstSchema } from '../support/openapi';

const FIXTURES = join(__dirname, '..', 'fixtures');
const readLog = (name: string) => readFileSync(join(FIXTURES, `${name}.jsonl`), 'utf8');

async function replay(text: string): Promise<{ events: MusicEvent[]; problems: string[]; stdout: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await runReplay(Readable.from([text]), out, err, DEFAULT_ENGINE_OPTIONS);
  const events = stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as MusicEvent);
  return { events, problems: stderr.split('\n').filter((line) => line !== ''), stdout };
}

/** What a person checks first: which event, whose, and the one field that tells it apart. */
function summarize(event: MusicEvent): string {
  const { data } = event;
  switch (event.event) {
    case 'trackChanged':
      return `trackChanged ${data.source} ${event.data.previous?.name ?? 'null'} -> ${event.data.current.name}`;
    case 'playbackStateChanged':
      return `playbackStateChanged ${data.source} playing=${event.data.isPlaying} volume=${event.data.volume}`;
    case 'volumeChanged':
      return `volumeChanged ${data.source} ${event.data.volume}`;
    case 'deviceChanged':
      return `deviceChanged ${data.source} ${event.data.previousDevice} -> ${event.data.currentDevice}`;
    case 'queueUpdated':
      return `queueUpdated ${data.source} ${event.data.action} ${event.data.trackUris?.join(',') ?? ''} total=${event.data.totalItems}`;
    case 'commandExecuted':
      return `commandExecuted ${data.source} ${event.data.intent} success=${event.data.success}`;
    case 'statusChanged':
      return `statusChanged ${data.source} ${event.data.status}`;
  }
}

describe('npm run replay, on the example logs', () => {
  it('natural-end-skip-pause: a natural end is auto, a skip in the app is user, a pause with drift is one state change', async () => {
    const { events, problems } = await replay(readLog('natural-end-skip-pause'));
    expect(problems).toEqual([]);
    expect(events.map(summarize)).toEqual([
      'trackChanged auto Northern Lights Over Tromsø -> Slow Orbit',
      'playbackStateChanged auto playing=true volume=72',
      'trackChanged user Slow Orbit -> Glass Rivers',
      'playbackStateChanged user playing=true volume=72',
      'playbackStateChanged user playing=false volume=72',
    ]);
  });

  it('ai-command-volume-device: the hinted change carries the AI reasoning; a volume drag is one event; 204 empties the state', async () => {
    const { events, problems } = await replay(readLog('ai-command-volume-device'));
    expect(problems).toEqual([]);
    expect(events.map(summarize)).toEqual([
      'trackChanged ai Northern Lights Over Tromsø -> Paper Satellites',
      'playbackStateChanged ai playing=true volume=72',
      'commandExecuted ai play_specific_song success=true',
      'playbackStateChanged user playing=true volume=40',
      'playbackStateChanged user playing=true volume=35',
      'volumeChanged user 35',
      'deviceChanged user MacBook Pro -> Kitchen',
      'playbackStateChanged user playing=true volume=35',
      'playbackStateChanged user playing=false volume=null',
    ]);
    const trackChanged = events[0];
    expect(trackChanged).toMatchObject({
      event: 'trackChanged',
      data: {
        reasoning: 'You asked for something calm; Paper Satellites is slow, warm and new to you.',
        isAIDiscovery: true,
        timestamp: 1764000001800,
        eventId: '1764000001800-0',
      },
    });
    expect(events[5]).toMatchObject({ data: { timestamp: 1764000005600, eventId: '1764000009000-0' } });
    expect(events[8]).toMatchObject({
      data: { track: null, device: null, deviceId: null, position: 0, duration: 0, isPlaying: false },
    });
  });

  it('queue-edits: appended items are added (user, then ai), an emptied queue is cleared; a bad line is reported and skipped', async () => {
    const { events, problems } = await replay(readLog('queue-edits'));
    expect(events.map(summarize)).toEqual([
      'queueUpdated user added spotify:track:3kXq9WnZr0b2Lm7TcV4yQe total=5',
      'queueUpdated ai added spotify:track:7Hf2LpQw9ZxC4nB1vR8sTm total=6',
      'commandExecuted ai queue_multiple_songs success=true',
      'queueUpdated user cleared  total=0',
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^replay: line 3: not JSON .*; skipped$/);
  });

  it.each(['natural-end-skip-pause', 'ai-command-volume-device', 'queue-edits'])(
    '%s: bodies are valid Spotify responses (OpenAPI) and event ids increase',
    async (name) => {
      const lines = readLog(name)
        .split('\n')
        .map((text) => parsePollLogLine(text))
        .flatMap((parsed) => (parsed.ok ? [parsed.line] : []));
      for (const line of lines) {
        if ((line.kind === 'player' || line.kind === 'queue') && line.status === 200) {
          const schema = line.kind === 'player' ? 'CurrentlyPlayingContextObject' : 'QueueObject';
          expect(validateAgainstSchema(schema, line.body)).toEqual([]);
        }
      }
      const ids = (await replay(readLog(name))).events.map((event) => event.data.eventId);
      for (let i = 1; i < ids.length; i++) expect(compareEventIds(ids[i - 1]!, ids[i]!)).toBeLessThan(0);
    },
  );
});

describe('replay input handling', () => {
  it('reports each unusable line with its number and what is wrong, and goes on', async () => {
    const text = [
      '{"t":1,"kind":"player","status":204}',
      '[1,2]',
      '{"t":-5,"kind":"player","status":204}',
      '{"t":2,"kind":"radio","status":200}',
      '{"t":3,"kind":"player","status":200,"body":{"device":{"id":"d1","name":"Phone","type":"Smartphone","volume_percent":50},"is_playing":"yes"}}',
      '{"t":4,"kind":"hint","hint":{"source":"robot","intent":"x","ttlMs":10}}',
      '{"t":5,"kind":"command","command":{"command":"x","intent":"y","success":true,"confidence":7}}',
      '',
      '{"t":6,"kind":"player","status":204}',
    ].join('\n');
    const { events, problems } = await replay(text);
    expect(events).toEqual([]);
    expect(problems.map((line) => /line (\d+)/.exec(line)?.[1])).toEqual(['2', '3', '4', '5', '6', '7']);
    expect(problems[1]).toContain('t: expected ms since the epoch');
    expect(problems[2]).toContain('kind: expected one of player, queue, hint, command');
    expect(problems[3]).toContain('currently_playing_type: expected a string, got nothing');
    expect(problems[4]).toContain("source: must be 'ai' or 'user'");
    expect(problems[5]).toContain('confidence: must be a number from 0 to 1, got 7');
  });

  it('writes nothing but events on its output', async () => {
    const { stdout } = await replay(readLog('queue-edits'));
    for (const line of stdout.trimEnd().split('\n')) {
      expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(['data', 'event']);
    }
  });

  it('is deterministic: the same input gives the same output', async () => {
    const all = ['natural-end-skip-pause', 'ai-command-volume-device', 'queue-edits'].flatMap((name) =>
      readLog(name).trimEnd().split('\n'),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(all), async (lines) => {
        const text = lines.join('\n');
        const first = await replay(text);
        const second = await replay(text);
        expect(second.stdout).toBe(first.stdout);
        expect(second.problems).toEqual(first.problems);
      }),
      { numRuns: 40 },
    );
  });
});

describe('replay timing', () => {
  /** The fixture's playing track at `progressMs`, or another track (uri `spotify:track:<id>`) when `id` is given. */
  function playerLine(t: number, progressMs: number, id?: string): string {
    const body = loadSpotifyFixture('player-track-playing') as {
      progress_ms: number;
      item: Record<string, unknown>;
    };
    body.progress_ms = progressMs;
    if (id !== undefined) body.item = { ...body.item, id, uri: `spotify:track:${id}`, name: id };
    return JSON.stringify({ t, kind: 'player', status: 200, body });
  }

  it('keeps a hint recorded after a line that comes later with an earlier t (drops only expired hints)', async () => {
    const hintLine = JSON.stringify({
      t: 5_000,
      kind: 'hint',
      hint: {
        source: 'ai',
        intent: 'play_specific_song',
        expect: { trackUri: 'spotify:track:X' },
        ttlMs: 10_000,
      },
    });
    const text = [
      playerLine(1_000, 10_000),
      hintLine,
      playerLine(4_990, 13_990),
      playerLine(7_000, 1_000, 'X'),
    ];
    const { events, problems } = await replay(text.join('\n'));
    expect(problems).toEqual([]);
    expect(events.map(summarize)).toEqual([
      'trackChanged ai Northern Lights Over Tromsø -> X',
      'playbackStateChanged ai playing=true volume=72',
    ]);
  });

  it('drops a hint once it has expired, not before', () => {
    const lines = [
      { t: 1_500, kind: 'hint', hint: { source: 'ai', intent: 'pause', ttlMs: 1_000 } },
      { t: 1_000, kind: 'player', status: 204 },
      { t: 2_499, kind: 'player', status: 204 },
      { t: 2_500, kind: 'player', status: 204 },
    ] as const;
    let state = initialReplayState();
    const held: number[] = [];
    for (const line of lines) {
      state = replayLine(state, line, DEFAULT_ENGINE_OPTIONS).state;
      held.push(state.hints.length);
    }
    expect(held).toEqual([1, 1, 1, 0]);
  });
});
