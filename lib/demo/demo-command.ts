import type { HintClient } from '../hints';
import type { Random } from '../random/random';
import type { SimWorld } from '../simulator';
import type { CatalogTrack } from '../simulator/catalog';
import { currentItem } from '../simulator/player-state';
import type { SpotifyApiClient } from '../spotify';
import type { Stores } from '../store';
import type { TokenManager } from '../tokens';
import { namedTrackReasoning, pickReasoning } from './command-reasoning';
import type { DemoListener } from './create-demo-world';
import { pickTrack } from './track-pick';
import { UnknownDemoListenerError } from './unknown-demo-listener-error';
import { UnknownDemoTrackError } from './unknown-demo-track-error';

export interface DemoCommandDeps {
  world: SimWorld;
  listeners: readonly DemoListener[];
  /** The listeners' access tokens, as the LLM route gets them. */
  tokens: Pick<TokenManager, 'accessToken'>;
  /** The Spotify adapter, pointed at the demo's simulator. */
  spotify: Pick<SpotifyApiClient, 'play'>;
  hints: Pick<HintClient, 'recordHint' | 'reportCommand'>;
  /** To withdraw the hint of a command Spotify refused. */
  stores: Pick<Stores, 'hints'>;
  /** Picks among equally fitting tracks, or a discovery. */
  random: Random;
}

export interface DemoCommandInput {
  userId: string;
  command: string;
  trackUri?: string | undefined;
}

export interface DemoCommandResult {
  ok: true;
  trackUri: string;
  track: { name: string; artists: string[]; album: string; durationMs: number };
  reasoning: string;
}

export const DEMO_COMMAND_INTENT = 'play_specific_song';

/** Long enough for Spotify's eventual consistency and a few polls; short enough not to catch a later change. */
export const DEMO_HINT_TTL_MS = 15_000;

/**
 * What the LLM route does for "play …", with a word-matching stand-in for the model: choose the track (or take
 * the one named), record the `ai` hint with its reasoning, play the track through the Spotify adapter, report
 * `commandExecuted`. A refused play withdraws the hint, reports the failure, and rethrows the SpotifyFailure.
 */
export async function runDemoCommand(
  deps: DemoCommandDeps,
  input: DemoCommandInput,
): Promise<DemoCommandResult> {
  const { world, hints } = deps;
  if (!deps.listeners.some((listener) => listener.userId === input.userId)) {
    throw new UnknownDemoListenerError(input.userId);
  }
  const state = world.visibleState(input.userId);
  const choice = chooseTrack(deps, input, currentItem(state)?.uri ?? null);
  const accessToken = await deps.tokens.accessToken(input.userId);
  const hint = await hints.recordHint(input.userId, {
    source: 'ai',
    intent: DEMO_COMMAND_INTENT,
    expect: { trackUri: choice.track.uri },
    reasoning: choice.reasoning,
    isAIDiscovery: choice.discovered,
    ttlMs: DEMO_HINT_TTL_MS,
  });
  const report = { command: input.command, intent: DEMO_COMMAND_INTENT, confidence: choice.confidence };
  // With nothing active, Spotify needs a device to start on: the listener's phone.
  const deviceId = state.activeDeviceId === null ? state.devices[0]?.id : undefined;
  try {
    await deps.spotify.play(accessToken, { uris: [choice.track.uri], ...(deviceId ? { deviceId } : {}) });
  } catch (error) {
    await deps.stores.hints.consume(input.userId, [hint.id]);
    const message = error instanceof Error ? error.message : String(error);
    await hints.reportCommand(input.userId, { ...report, success: false, error: message });
    throw error;
  }
  const track = {
    name: choice.track.name,
    artists: choice.track.artists.map((artist) => artist.name),
    album: choice.track.album.name,
    durationMs: choice.track.durationMs,
  };
  await hints.reportCommand(input.userId, {
    ...report,
    success: true,
    result: { trackUri: choice.track.uri, name: track.name, artists: track.artists },
  });
  return { ok: true, trackUri: choice.track.uri, track, reasoning: choice.reasoning };
}

interface TrackChoice {
  track: CatalogTrack;
  reasoning: string;
  /** Picked by the "AI" rather than named by the listener. */
  discovered: boolean;
  confidence: number;
}

function chooseTrack(deps: DemoCommandDeps, input: DemoCommandInput, playingUri: string | null): TrackChoice {
  const { catalog } = deps.world;
  if (input.trackUri !== undefined) {
    const item = catalog.item(input.trackUri);
    if (item?.type !== 'track') throw new UnknownDemoTrackError(input.trackUri);
    return {
      track: item,
      reasoning: namedTrackReasoning(input.command, item),
      discovered: false,
      confidence: 0.99,
    };
  }
  const pick = pickTrack(catalog.tracks, input.command, deps.random, playingUri);
  return {
    track: pick.track,
    reasoning: pickReasoning(input.command, pick),
    discovered: true,
    confidence: pick.matchedWord === null ? 0.6 : 0.9,
  };
}
