import type { UnpublishedEvent } from '../contract/events';
import { commandExecutedEvent, validateCommandReport } from '../core/command-report';
import type { Hint, HintInput } from '../core/hint';
import { validateHintInput } from '../core/hint-input';
import type { EventPublisher } from '../publish/event-publisher';
import type { Random } from '../random/random';
import type { Stores } from '../store/stores';
import type { Clock } from '../time/clock';
import { checkAnnouncedEvent } from './announced-event';
import { announcedHintInput } from './announced-hint';
import { resolveHintClientOptions, type HintClientOptions } from './hint-client-options';
import { newHintId } from './hint-id';
import { InvalidAnnouncementError } from './invalid-announcement-error';
import { InvalidCommandReportError } from './invalid-command-report-error';
import { InvalidHintError } from './invalid-hint-error';

export interface HintClientDeps {
  /** Where hints are kept, and the bus that nudges the worker polling the user. */
  stores: Pick<Stores, 'hints' | 'bus'>;
  /** The same path every event takes to the clients. */
  publisher: EventPublisher;
  /** `recordedAt` of the hints, and `timestamp` of command reports. */
  clock: Clock;
  /** Hint ids. */
  random: Random;
}

/**
 * What the LLM route and the control routes (and `POST /internal/hints`) call around their Spotify commands
 * (DESIGN section 2): record a hint so the change the poller then sees gets the right source, report the
 * command's outcome as `commandExecuted`, or, in library mode, announce an event the host emits itself.
 */
export class HintClient {
  private readonly options: Readonly<HintClientOptions>;

  constructor(
    private readonly deps: HintClientDeps,
    options: Partial<HintClientOptions> = {},
  ) {
    this.options = resolveHintClientOptions(options);
  }

  /**
   * Stores the hint, live from now for its `ttlMs`, and nudges the user's worker to poll. Throws an
   * InvalidHintError naming every problem of `input`.
   */
  async recordHint(userId: string, input: unknown): Promise<Hint> {
    const checked = validateHintInput(input);
    if (!checked.ok) throw new InvalidHintError(checked.errors);
    const hint = this.hintFrom(checked.value);
    await this.deps.stores.hints.add(userId, hint);
    await this.deps.stores.bus.publish(userId);
    return hint;
  }

  /**
   * Publishes the report as `commandExecuted` (source `ai`) and nudges the user's worker again: the command
   * has now reached Spotify, so this poll sees its effect, where the nudge of `recordHint` came before it.
   * Throws an InvalidCommandReportError when invalid.
   */
  async reportCommand(userId: string, report: unknown): Promise<void> {
    const checked = validateCommandReport(report);
    if (!checked.ok) throw new InvalidCommandReportError(checked.errors);
    await this.deps.publisher.publish(userId, [commandExecutedEvent(checked.value, this.deps.clock.now())]);
    await this.deps.stores.bus.publish(userId);
  }

  /**
   * Library mode: publishes an event the host emits itself, and records the announced hint that lets the
   * poller recognise the same change later (see `announced-hint.ts`); returns it, or null when the event needs
   * none. The hint goes first, so a poll racing the publish cannot emit the change a second time; it is
   * withdrawn when the publish fails. Throws an InvalidAnnouncementError when the event cannot be announced.
   */
  async announce(userId: string, event: UnpublishedEvent): Promise<Hint | null> {
    const checkedEvent = checkAnnouncedEvent(event);
    if (!checkedEvent.ok) throw new InvalidAnnouncementError(checkedEvent.errors);
    const built = announcedHintInput(checkedEvent.value, this.options.announceTtlMs);
    if (!built.ok) throw new InvalidAnnouncementError(built.errors);
    const { hints, bus } = this.deps.stores;
    const hint = built.value === null ? null : { ...this.hintFrom(built.value), announced: true };
    if (hint !== null) await hints.add(userId, hint);
    try {
      await this.deps.publisher.publish(userId, [checkedEvent.value]);
    } catch (error) {
      // Left in place, the hint would swallow the poller's sight of a change no client was told about.
      if (hint !== null) await hints.consume(userId, [hint.id]).catch(() => []);
      throw error;
    }
    if (hint !== null) await bus.publish(userId);
    return hint;
  }

  private hintFrom(input: HintInput): Hint {
    const recordedAt = this.deps.clock.now();
    return { ...input, id: newHintId(this.deps.random, recordedAt), recordedAt };
  }
}
