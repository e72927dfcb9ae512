import { PassThrough } from 'node:stream';
import { createLogger, redactSecrets } from '../../lib/log/logger';

describe('logger', () => {
  it('writes one JSON object per entry with the service and the user id', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const logger = createLogger({ level: 'info', service: 'worker', stream });
    logger.info('started polling', { userId: 'u1' });
    logger.debug('not at info level');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      message: 'started polling',
      service: 'worker',
      userId: 'u1',
    });
  });

  it('never writes a token, secret, cookie or session id, at any depth', async () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const logger = createLogger({ level: 'info', service: 'web', stream });
    logger.info('refresh', {
      userId: 'u1',
      accessToken: 'AT-SECRET',
      nested: { refresh_token: 'RT-SECRET', headers: { Authorization: 'Bearer AT2', cookie: 'sid=COOKIE' } },
      sessionId: 'SESSION-SECRET',
      list: [{ clientSecret: 'CS-SECRET' }],
    });
    await new Promise((resolve) => setImmediate(resolve));
    for (const secret of ['AT-SECRET', 'RT-SECRET', 'AT2', 'COOKIE', 'SESSION-SECRET', 'CS-SECRET']) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('"userId":"u1"');
  });

  it('writes an Error in the metadata as its name, message, error code and stack', async () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const logger = createLogger({ level: 'info', service: 'worker', stream });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const oauth = Object.assign(new Error('bad grant'), { code: 'AQD-authorization-code' });
    logger.error('poll failed', { userId: 'u1', error: refused, nested: { cause: oauth } });
    await new Promise((resolve) => setImmediate(resolve));
    const entry = JSON.parse(written) as Record<string, Record<string, unknown>>;
    expect(entry.error).toEqual({
      name: 'Error',
      message: 'connect ECONNREFUSED 127.0.0.1:6379',
      code: 'ECONNREFUSED',
      stack: expect.stringContaining('logger.test'),
    });
    expect(entry.nested).toEqual({ cause: expect.objectContaining({ message: 'bad grant' }) });
    expect(written).not.toContain('AQD-authorization-code');
  });

  it.each([
    [{ token: 'x' }, { token: '[redacted]' }],
    [
      { sid: 'x', code: 'y', userId: 'u' },
      { sid: '[redacted]', code: '[redacted]', userId: 'u' },
    ],
    [{ a: [{ password: 'p' }] }, { a: [{ password: '[redacted]' }] }],
    ['plain', 'plain'],
  ])('redacts %j', (input, expected) => {
    expect(redactSecrets(input)).toEqual(expected);
  });
});
