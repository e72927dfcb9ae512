import { mkdir, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPollLogLine, type PollLogLine } from '../replay/poll-log';

/**
 * Writes the raw poll log (DESIGN section 6) of the users whose recording is switched on, one file per user
 * (`<dir>/<userId>.jsonl`), for `npm run replay`. Lines of one user are appended in order; a failed write is
 * reported to `onError` and does not stop polling.
 */
export class PollLogRecorder {
  private readonly chains = new Map<string, Promise<void>>();
  private dirReady: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly onError: (userId: string, error: unknown) => void,
  ) {}

  /** The file a user's lines go to. User ids are store key parts, so they are safe file names. */
  fileOf(userId: string): string {
    return join(this.dir, `${userId}.jsonl`);
  }

  record(userId: string, line: PollLogLine): void {
    const previous = this.chains.get(userId) ?? Promise.resolve();
    const next = previous
      .then(() => (this.dirReady ??= mkdir(this.dir, { recursive: true }).then(() => undefined)))
      // The format's `t` is whole ms; a virtual clock's may be fractional.
      .then(() =>
        appendFile(this.fileOf(userId), `${formatPollLogLine({ ...line, t: Math.round(line.t) })}\n`),
      )
      .catch((error: unknown) => this.onError(userId, error));
    this.chains.set(userId, next);
    void next.then(() => {
      if (this.chains.get(userId) === next) this.chains.delete(userId);
    });
  }

  /** Resolves when every line recorded so far is written. */
  async drain(): Promise<void> {
    await Promise.all(this.chains.values());
  }
}
