import type { UnpublishedEvent } from '../contract/events';
import type { HintExpectation, HintInput } from '../core/hint';
import { validateHintInput } from '../core/hint-input';
import type { ValidationResult } from '../core/validation-result';

interface Expectation {
  expect: HintExpectation;
  /** The event field the expectation is read from, to name it in errors. */
  from: string;
  /** For a list read from the items' field of this name: `data.tracks[2].uri`. */
  itemField?: string;
}

/**
 * The hint recorded beside an event a host emitted itself (library mode), so that the poller's later sight of
 * the same change consumes it instead of emitting it twice. Its expectation is the event's own: trackChanged →
 * trackUri, volumeChanged → volume, deviceChanged → deviceId, queueUpdated `added` → queueAdded,
 * playbackStateChanged → isPlaying. Null when the poller never sees the change again (commandExecuted,
 * statusChanged) or the event holds nothing a change can be matched on (a queue removal or clearing, a device
 * without an id): a hint without an expectation would swallow the next unrelated change. Pure.
 */
export function announcedHintInput(
  event: UnpublishedEvent,
  ttlMs: number,
): ValidationResult<HintInput | null> {
  const expectation = expectationOf(event);
  if (expectation === null) return { ok: true, value: null };
  const { source } = event.data;
  if (source !== 'ai' && source !== 'user') {
    return {
      ok: false,
      errors: [
        `data.source: an announced ${event.event} must be 'ai' or 'user', got ${JSON.stringify(source)}`,
      ],
    };
  }
  // An expectation left undefined would vanish, and a hint expecting nothing claims any change.
  if (Object.values(expectation.expect).some((value) => value === undefined || value === null)) {
    return {
      ok: false,
      errors: [`${expectation.from}: must be set to announce a ${event.event}, got nothing`],
    };
  }
  const input: HintInput = { source, intent: `announce:${event.event}`, expect: expectation.expect, ttlMs };
  if ('reasoning' in event.data && event.data.reasoning !== undefined) input.reasoning = event.data.reasoning;
  if (event.event === 'trackChanged' && event.data.isAIDiscovery !== undefined) {
    input.isAIDiscovery = event.data.isAIDiscovery;
  }
  const checked = validateHintInput(input);
  if (checked.ok) return checked;
  return { ok: false, errors: checked.errors.map((error) => inEventTerms(error, expectation)) };
}

function expectationOf(event: UnpublishedEvent): Expectation | null {
  switch (event.event) {
    case 'trackChanged':
      return { expect: { trackUri: event.data.current?.uri }, from: 'data.current.uri' };
    case 'volumeChanged':
      return { expect: { volume: event.data.volume }, from: 'data.volume' };
    case 'deviceChanged':
      if (event.data.currentDeviceId === null) return null;
      return { expect: { deviceId: event.data.currentDeviceId }, from: 'data.currentDeviceId' };
    case 'queueUpdated': {
      if (event.data.action !== 'added') return null;
      if (event.data.trackUris !== undefined) {
        return { expect: { queueAdded: event.data.trackUris }, from: 'data.trackUris' };
      }
      if (event.data.tracks === undefined) return null;
      const queueAdded = event.data.tracks.map((track) => track.uri);
      return { expect: { queueAdded }, from: 'data.tracks', itemField: 'uri' };
    }
    case 'playbackStateChanged':
      return { expect: { isPlaying: event.data.isPlaying }, from: 'data.isPlaying' };
    case 'commandExecuted':
    case 'statusChanged':
      return null;
  }
}

/** `expect.volume: must be …` → `data.volume: must be …`; `reasoning: …` → `data.reasoning: …`. */
function inEventTerms(error: string, { from, itemField }: Expectation): string {
  if (!error.startsWith('expect.')) return `data.${error}`;
  const rest = error.slice(error.search(/[[:]/));
  return from + (itemField === undefined ? rest : rest.replace(/^(\[\d+\])/, `$1.${itemField}`));
}
