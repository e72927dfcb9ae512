import { MUSIC_EVENT_NAMES, type UnpublishedEvent } from '../contract/events';
import type { ValidationResult } from '../core/validation-result';

const SOURCES: readonly unknown[] = ['user', 'ai', 'auto'];

/**
 * Checks the envelope of an event a host emits through the library (which may be plain JavaScript): a known
 * name, a payload object, a source and a timestamp. The payload's own fields are the host's responsibility.
 */
export function checkAnnouncedEvent(input: unknown): ValidationResult<UnpublishedEvent> {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [`event: must be an object {event, data}, got ${shown(input)}`] };
  }
  const { event, data } = input as { event?: unknown; data?: unknown };
  const errors: string[] = [];
  if (!(MUSIC_EVENT_NAMES as readonly unknown[]).includes(event)) {
    errors.push(`event: must be one of ${MUSIC_EVENT_NAMES.join(', ')}, got ${shown(event)}`);
  }
  if (typeof data !== 'object' || data === null) {
    errors.push(`data: must be an object, got ${shown(data)}`);
    return { ok: false, errors };
  }
  const { source, timestamp } = data as { source?: unknown; timestamp?: unknown };
  if (!SOURCES.includes(source))
    errors.push(`data.source: must be 'user', 'ai' or 'auto', got ${shown(source)}`);
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
    errors.push(`data.timestamp: must be a finite number (ms since the epoch), got ${shown(timestamp)}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: input as UnpublishedEvent };
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
