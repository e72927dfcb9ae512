import { DEFAULT_SCHEDULER_TUNING } from '../../lib/scheduler/scheduler-tuning';
import { createMemoryStores, type Stores } from '../../lib/store';
import { tuningRouter, type TuningAnswer } from '../../lib/web';
import { call, problemOf, silentLog, startApp, type RunningApp } from './web-kit';

const ADMIN = { authorization: 'Bearer admin-token' };

describe('GET / PUT /internal/tuning', () => {
  let stores: Stores;
  let app: RunningApp;
  let versions: number[];
  let unsubscribe: () => Promise<void>;

  async function start(token: string | null) {
    app = await startApp(
      tuningRouter(
        { token, stores, log: silentLog },
        { schedulerBase: { budgetPerWindow: 50, windowMs: 30_000 } },
      ),
    );
  }

  beforeEach(async () => {
    stores = createMemoryStores();
    versions = [];
    unsubscribe = await stores.bus.subscribeTuningChanged((version) => versions.push(version));
    await start('admin-token');
  });

  afterEach(async () => {
    await app.close();
    await unsubscribe();
    await stores.close();
  });

  const get = (headers: Record<string, string> = ADMIN) => call(`${app.url}/internal/tuning`, { headers });
  const put = (json: unknown, headers: Record<string, string> = ADMIN) =>
    call(`${app.url}/internal/tuning`, { method: 'PUT', headers, json });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('without ADMIN_TOKEN the routes do not exist', async () => {
    await app.close();
    await start(null);
    expect((await get()).status).toBe(404);
    expect((await put({})).status).toBe(404);
  });

  it.each<[string, Record<string, string>, number]>([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer admin-tokem' }, 403],
    ['the internal token is not the admin one', { authorization: 'Bearer internal-token' }, 403],
  ])('%s: %d, nothing stored', async (_name, headers, status) => {
    expect((await get(headers)).status).toBe(status);
    expect((await put({ scheduler: { budgetPerWindow: 10 } }, headers)).status).toBe(status);
    expect(await stores.tuning.get()).toBeNull();
  });

  it('before any write: version 0, the configured base in force', async () => {
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      version: 0,
      scheduler: {},
      recordUsers: [],
      inForce: { ...DEFAULT_SCHEDULER_TUNING, budgetPerWindow: 50 },
    });
  });

  it('a valid PUT is stored, announced to every worker, and read back', async () => {
    const answer = await put({
      scheduler: { playingMaxIntervalMs: 20_000, budgetPerWindow: 40 },
      recordUsers: ['bob', 'alice'],
    });
    expect(answer.status).toBe(200);
    const expected: TuningAnswer = {
      version: 1,
      scheduler: { playingMaxIntervalMs: 20_000, budgetPerWindow: 40 },
      recordUsers: ['alice', 'bob'],
      inForce: { ...DEFAULT_SCHEDULER_TUNING, budgetPerWindow: 40, playingMaxIntervalMs: 20_000 },
    };
    expect(answer.body).toEqual(expected);
    expect(await stores.tuning.get()).toEqual({
      version: 1,
      values: {
        scheduler: { playingMaxIntervalMs: 20_000, budgetPerWindow: 40 },
        recordUsers: ['alice', 'bob'],
      },
    });
    await settle();
    expect(versions).toEqual([1]);
    expect((await get()).body).toEqual(expected);
  });

  it('a PUT replaces: left-out parts go back to the configured defaults', async () => {
    await put({ scheduler: { budgetPerWindow: 40 }, recordUsers: ['alice'] });
    const answer = await put({});
    expect(answer.body).toMatchObject({
      version: 2,
      scheduler: {},
      recordUsers: [],
      inForce: { budgetPerWindow: 50 },
    });
  });

  it.each<[string, unknown, string]>([
    ['an unknown setting', { scheduler: { pollFaster: true } }, 'scheduler.pollFaster: unknown field'],
    [
      'a negative interval',
      { scheduler: { playingMinIntervalMs: -1 } },
      'scheduler.playingMinIntervalMs: must be a positive integer (ms), got -1',
    ],
    [
      'min above max',
      { scheduler: { playingMinIntervalMs: 45_000 } },
      'scheduler.playingMinIntervalMs: must be at most playingMaxIntervalMs (30000), got 45000',
    ],
    [
      'a fraction out of range',
      { scheduler: { headroomFraction: 1 } },
      'scheduler.headroomFraction: must be a number >= 0 and < 1, got 1',
    ],
    ['scheduler not an object', { scheduler: [1] }, 'scheduler: must be an object of scheduler settings'],
    ['recordUsers with a bad id', { recordUsers: ['a:b'] }, 'recordUsers: must be a list of user ids'],
    ['an unknown part', { budget: 10 }, 'budget: unknown setting (expected scheduler, recordUsers)'],
    ['not an object', 'budget=10', 'body: must be a JSON object'],
  ])('%s: 400 saying so, nothing stored or announced', async (_name, body, message) => {
    const answer = await put(body);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).code).toBe('bad_request');
    expect(problemOf(answer).message).toContain(message);
    expect(await stores.tuning.get()).toBeNull();
    await settle();
    expect(versions).toEqual([]);
  });

  it('a stored tuning the workers would ignore is shown with its errors', async () => {
    await stores.tuning.set({ scheduler: { windowMs: 'long' } });
    const answer = await get();
    expect(answer.body).toMatchObject({
      version: 1,
      scheduler: {},
      inForce: { budgetPerWindow: 50 },
      stored: { scheduler: { windowMs: 'long' } },
      storedErrors: ['scheduler.windowMs: must be a positive integer (ms), got "long"'],
    });
  });

  it('other methods: 405', async () => {
    const answer = await call(`${app.url}/internal/tuning`, { method: 'POST', headers: ADMIN, json: {} });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, PUT');
  });
});
