import { commandExecutedEvent, validateCommandReport } from '../../lib/core/command-report';
import type { CommandReport } from '../../lib/core/command-report';

const valid = {
  command: 'play something calm',
  intent: 'play_specific_song',
  success: true,
  confidence: 0.93,
  result: { trackUri: 'spotify:track:abc', alternatives: [1, 'two', null] },
};

describe('validateCommandReport', () => {
  it.each([
    ['a full report', valid],
    ['a failure', { command: 'x', intent: 'y', success: false, confidence: 0, error: 'No device' }],
    ['confidence 1 and no result', { command: 'x', intent: 'y', success: true, confidence: 1 }],
  ])('accepts %s', (_name, input) => {
    expect(validateCommandReport(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    [
      'confidence above 1',
      { ...valid, confidence: 1.2 },
      'confidence: must be a number from 0 to 1, got 1.2',
    ],
    [
      'confidence negative',
      { ...valid, confidence: -0.1 },
      'confidence: must be a number from 0 to 1, got -0.1',
    ],
    [
      'confidence missing',
      { ...valid, confidence: undefined },
      'confidence: must be a number from 0 to 1, got nothing',
    ],
    ['command empty', { ...valid, command: '' }, 'command: must be a non-empty string, got ""'],
    ['intent not a string', { ...valid, intent: 3 }, 'intent: must be a non-empty string, got 3'],
    ['success not a boolean', { ...valid, success: 'yes' }, 'success: must be true or false, got "yes"'],
    ['error not a string', { ...valid, error: { message: 'x' } }, 'error: must be a string, got an object'],
    [
      'result not JSON',
      { ...valid, result: { at: new Date(0) } },
      'result: must be JSON data (null, true/false, finite numbers, strings, lists and plain objects of them), got an object',
    ],
    ['a timestamp (the daemon stamps events)', { ...valid, timestamp: 5 }, 'timestamp: unknown field'],
    ['not an object', 'play', 'command: must be an object, got "play"'],
  ])('rejects %s', (_name, input, message) => {
    expect(validateCommandReport(input)).toEqual({ ok: false, errors: [message] });
  });
});

describe('commandExecutedEvent', () => {
  it('is the AI’s, at the given time, without fields the report left out', () => {
    const report: CommandReport = {
      command: 'pause',
      intent: 'pause',
      success: false,
      confidence: 0.5,
      error: 'No device',
    };
    expect(commandExecutedEvent(report, 1_764_000_000_000)).toEqual({
      event: 'commandExecuted',
      data: { ...report, source: 'ai', timestamp: 1_764_000_000_000 },
    });
    expect(commandExecutedEvent(report, 1).data).not.toHaveProperty('result');
  });

  it('carries the result', () => {
    const { data } = commandExecutedEvent(valid, 7);
    expect(data).toEqual({ ...valid, source: 'ai', timestamp: 7 });
  });
});
