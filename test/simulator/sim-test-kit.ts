import type { ApiResponse } from '../../lib/simulator/api-request';
import type { SimulatorOptionsInput } from '../../lib/simulator/schemas';
import type { AddListenerOptions, ListenerCredentials } from '../../lib/simulator/world';
import { SimWorld } from '../../lib/simulator/world';
import { VirtualClock } from '../../lib/time/virtual-clock';

/** A world on a VirtualClock with immediate consistency unless a test asks otherwise. */
export function testWorld(options: SimulatorOptionsInput = {}): { world: SimWorld; clock: VirtualClock } {
  const clock = new VirtualClock();
  const world = new SimWorld(clock, { consistency: { minMs: 0, maxMs: 0 }, ...options });
  return { world, clock };
}

/** A listener without an actor, on two known devices, so tests drive every change themselves. */
export function quietListener(world: SimWorld, options: AddListenerOptions = {}): ListenerCredentials {
  return world.addListener({
    actor: false,
    devices: [
      { id: 'phone0000000000000000000000000000000000a', name: 'Phone', type: 'Smartphone', volume: 50 },
      { id: 'laptop00000000000000000000000000000000b', name: 'Laptop', type: 'Computer', volume: 70 },
    ],
    ...options,
  });
}

export const PHONE = 'phone0000000000000000000000000000000000a';
export const LAPTOP = 'laptop00000000000000000000000000000000b';

export function call(
  world: SimWorld,
  token: string,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body?: unknown,
): ApiResponse {
  return world.request({ method, path, query, authorization: `Bearer ${token}`, body });
}

/** `GET /v1/me/player?additional_types=track,episode`. */
export function getPlayer(world: SimWorld, token: string): ApiResponse {
  return call(world, token, 'GET', '/v1/me/player', { additional_types: 'track,episode' });
}

/** The JSON body as a plain record (tests read fields off it). */
export function bodyOf(response: ApiResponse): Record<string, unknown> {
  if (typeof response.body !== 'object' || response.body === null) {
    throw new Error(
      `expected a JSON body, got status ${response.status} with ${JSON.stringify(response.body)}`,
    );
  }
  return response.body as Record<string, unknown>;
}

export function itemUri(response: ApiResponse): string | null {
  const item = bodyOf(response).item as { uri: string } | null;
  return item?.uri ?? null;
}
