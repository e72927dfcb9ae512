import { SimulatorOptionsError } from '../../lib/simulator/simulator-options-error';
import { UnknownListenerError } from '../../lib/simulator/unknown-listener-error';
import { SimWorld } from '../../lib/simulator/world';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { quietListener, testWorld } from './sim-test-kit';

describe('world options', () => {
  it.each([
    [{ rateLimit: { limit: 0 } }, 'Simulator option `rateLimit.limit`: Too small'],
    [{ consistency: { minMs: 10, maxMs: 5 } }, 'Simulator option `consistency`: minMs must not exceed maxMs'],
    [{ model: { adChance: 2 } }, 'Simulator option `model.adChance`'],
    [{ tokens: { refreshTokenRotation: -1 } }, 'Simulator option `tokens.refreshTokenRotation`'],
    [{ actorRates: { dance: 3 } }, 'Simulator option `actorRates`: Unrecognized key: "dance"'],
    [{ colour: 'blue' }, 'Unrecognized key: "colour"'],
  ])('refuses %j, naming the field', (options, message) => {
    const create = () => new SimWorld(new VirtualClock(), options as never);
    expect(create).toThrow(SimulatorOptionsError);
    expect(create).toThrow(message);
  });

  it('derives the app credentials from the seed unless given', () => {
    const a = new SimWorld(new VirtualClock(), { seed: 5 });
    const b = new SimWorld(new VirtualClock(), { seed: 5 });
    expect(a.clientId).toMatch(/^[0-9a-f]{32}$/);
    expect([b.clientId, b.clientSecret]).toEqual([a.clientId, a.clientSecret]);
    expect(new SimWorld(new VirtualClock(), { clientId: 'mine' }).clientId).toBe('mine');
  });

  it('refuses bad listeners and unknown listener ids', () => {
    const { world } = testWorld();
    quietListener(world, { id: 'x' });
    expect(() => quietListener(world, { id: 'x' })).toThrow('A listener with id "x" already exists');
    expect(() => world.addListener({ devices: [] })).toThrow('Listener option `devices`');
    expect(() => world.addListener({ actor: { skip: -1 } })).toThrow('Listener option `actor');
    expect(() => world.act('nobody', { kind: 'pause' })).toThrow(UnknownListenerError);
  });
});
