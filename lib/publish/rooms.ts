/** The Socket.IO namespace every music event is sent on (seed section 1.2). */
export const MUSIC_NAMESPACE = '/music';

/**
 * The room of one listener's sockets on `/music`: the publisher emits to it and the gateway joins a socket to it
 * on `subscribeToPlayback`. Named here only, so both sides agree.
 */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}
