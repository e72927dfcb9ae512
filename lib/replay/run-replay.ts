import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EngineOptions } from '../core/engine-options';
import { parsePollLogLine } from './poll-log';
import { endReplay, initialReplayState, replayLine, type ReplayStepResult } from './replay';

/**
 * Reads a poll log from `input` and writes one event per line to `out` as `{"event": NAME, "data": PAYLOAD}`;
 * each line it cannot use is reported on `problems` with its number and skipped. Resolves with the number of
 * events written once the input has been read.
 */
export async function runReplay(
  input: Readable,
  out: Writable,
  problems: Writable,
  options: EngineOptions,
): Promise<number> {
  let state = initialReplayState();
  let written = 0;
  const emit = (result: ReplayStepResult) => {
    for (const event of result.events) out.write(`${JSON.stringify(event)}\n`);
    written += result.events.length;
    state = result.state;
  };
  let lineNumber = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    const parsed = parsePollLogLine(text);
    if (!parsed.ok) {
      problems.write(`replay: line ${lineNumber}: ${parsed.reason}; skipped\n`);
      continue;
    }
    const result = replayLine(state, parsed.line, options);
    if (result.problem !== undefined)
      problems.write(`replay: line ${lineNumber}: ${result.problem}; skipped\n`);
    emit(result);
  }
  emit(endReplay(state, options));
  return written;
}
