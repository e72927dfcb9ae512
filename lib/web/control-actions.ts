import { z } from 'zod';
import type { HintExpectation } from '../core/hint';
import { validateWith, type ValidationResult } from '../core/validation-result';
import type { SpotifyApiClient } from '../spotify';

/** The commands of `POST /api/control/:action`. */
export const CONTROL_ACTION_NAMES = [
  'play',
  'pause',
  'next',
  'previous',
  'seek',
  'volume',
  'shuffle',
  'repeat',
  'transfer',
] as const;

export type ControlActionName = (typeof CONTROL_ACTION_NAMES)[number];

/** The Spotify calls the control routes make. */
export type ControlSpotify = Pick<
  SpotifyApiClient,
  'play' | 'pause' | 'next' | 'previous' | 'seek' | 'setVolume' | 'setShuffle' | 'setRepeat' | 'transfer'
>;

/** A validated command: how to send it, and what its change will look like (the `user` hint's expectation). */
export interface ControlCommand {
  /** Left out when no expectation fits (next, seek, ...): the hint then claims the first change seen. */
  expect?: HintExpectation;
  send(spotify: ControlSpotify, accessToken: string): Promise<unknown>;
}

// The same URI rule as the hint validator's, so a command's expectation is always a valid hint.
const URI = 'must be a Spotify URI (spotify:…)';
const spotifyUri = z.string({ error: URI }).regex(/^spotify:\S+$/, { error: URI });
const POSITION = 'must be an integer >= 0 (ms)';
const positionMs = z
  .number({ error: POSITION })
  .int({ error: POSITION })
  .min(0, { error: POSITION })
  .max(Number.MAX_SAFE_INTEGER, { error: POSITION });
const VOLUME = 'must be an integer from 0 to 100';
const BOOLEAN = 'must be true or false';
const OBJECT = { error: 'must be a JSON object' };

const playSchema = z
  .strictObject(
    {
      uris: z
        .array(spotifyUri, { error: 'must be a non-empty list of Spotify URIs' })
        .min(1, { error: 'must be a non-empty list of Spotify URIs' })
        .optional(),
      contextUri: spotifyUri.optional(),
      positionMs: positionMs.optional(),
    },
    OBJECT,
  )
  .refine((body) => body.uris === undefined || body.contextUri === undefined, {
    error: 'cannot be combined with uris (play either a list of items or a context)',
    path: ['contextUri'],
  });

const noBody = z.strictObject({}, OBJECT);

/** Validates a body against `schema` and turns it into a command; a missing body reads as `{}`. */
function action<T>(schema: z.ZodType<T>, command: (body: T) => ControlCommand) {
  return (body: unknown): ValidationResult<ControlCommand> => {
    const checked = validateWith(schema, body ?? {}, 'body');
    return checked.ok ? { ok: true, value: command(checked.value) } : checked;
  };
}

/** Each action's body rules and command. The bodies are JSON objects; unknown fields are refused. */
export const CONTROL_ACTIONS: Readonly<
  Record<ControlActionName, (body: unknown) => ValidationResult<ControlCommand>>
> = Object.freeze({
  play: action(playSchema, ({ uris, contextUri, positionMs }) => ({
    // Starting items or a context shows as a track (or context) change; a bare resume as isPlaying.
    expect:
      uris !== undefined
        ? { trackUri: uris[0] as string }
        : contextUri !== undefined
          ? { contextUri }
          : { isPlaying: true },
    send: (spotify, token) =>
      spotify.play(token, {
        ...(uris === undefined ? {} : { uris }),
        ...(contextUri === undefined ? {} : { contextUri }),
        ...(positionMs === undefined ? {} : { positionMs }),
      }),
  })),
  pause: action(noBody, () => ({
    expect: { isPlaying: false },
    send: (spotify, token) => spotify.pause(token),
  })),
  next: action(noBody, () => ({ send: (spotify, token) => spotify.next(token) })),
  previous: action(noBody, () => ({ send: (spotify, token) => spotify.previous(token) })),
  seek: action(z.strictObject({ positionMs }, OBJECT), ({ positionMs }) => ({
    send: (spotify, token) => spotify.seek(token, positionMs),
  })),
  volume: action(
    z.strictObject(
      {
        volume: z
          .number({ error: VOLUME })
          .int({ error: VOLUME })
          .min(0, { error: VOLUME })
          .max(100, { error: VOLUME }),
      },
      OBJECT,
    ),
    ({ volume }) => ({ expect: { volume }, send: (spotify, token) => spotify.setVolume(token, volume) }),
  ),
  shuffle: action(z.strictObject({ state: z.boolean({ error: BOOLEAN }) }, OBJECT), ({ state }) => ({
    send: (spotify, token) => spotify.setShuffle(token, state),
  })),
  repeat: action(
    z.strictObject(
      { state: z.enum(['off', 'track', 'context'], { error: "must be 'off', 'track' or 'context'" }) },
      OBJECT,
    ),
    ({ state }) => ({ send: (spotify, token) => spotify.setRepeat(token, state) }),
  ),
  transfer: action(
    z.strictObject(
      {
        deviceId: z
          .string({ error: 'must be a non-empty string' })
          .regex(/\S/, { error: 'must be a non-empty string' }),
        play: z.boolean({ error: BOOLEAN }).optional(),
      },
      OBJECT,
    ),
    ({ deviceId, play }) => ({
      expect: { deviceId },
      send: (spotify, token) => spotify.transfer(token, deviceId, play === undefined ? {} : { play }),
    }),
  ),
});

export function isControlActionName(name: string): name is ControlActionName {
  return (CONTROL_ACTION_NAMES as readonly string[]).includes(name);
}
