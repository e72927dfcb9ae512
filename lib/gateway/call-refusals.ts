import type { MusicErrorAck, MusicErrorCode } from '../contract/protocol';

/** The calls a client may make on `/music` (lib/contract/protocol.ts). */
export const MUSIC_CALLS = ['subscribeToPlayback', 'unsubscribeFromPlayback', 'requestPlaybackSync'] as const;
export type MusicCall = (typeof MUSIC_CALLS)[number];

export function isMusicCall(name: string): name is MusicCall {
  return (MUSIC_CALLS as readonly string[]).includes(name);
}

/** The acknowledgement of a refused call: a code to branch on and a sentence for people. */
export function refusedCall(code: MusicErrorCode, message: string): MusicErrorAck {
  return { status: 'error', code, message };
}

export const CALL_REFUSALS = {
  rateLimited: (callsPerMinute: number, retryAfterMs: number) =>
    refusedCall(
      'rate_limited',
      `Too many calls: at most ${callsPerMinute} a minute per listener; try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    ),
  unknownCall: (name: string) =>
    refusedCall(
      'bad_request',
      `Unknown call ${JSON.stringify(name.slice(0, 64))}; the calls are ${MUSIC_CALLS.join(', ')}.`,
    ),
  withArguments: (name: MusicCall) =>
    refusedCall('bad_request', `${name} takes an acknowledgement callback and no other arguments.`),
  unavailable: () =>
    refusedCall('unavailable', 'The gateway cannot reach its store right now; try again in a few seconds.'),
  closing: () => refusedCall('unavailable', 'This gateway is shutting down; reconnect to continue.'),
} as const;
