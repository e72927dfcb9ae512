import { ReservationLine } from '../../lib/worker/reservation-line';

const T = 1_000_000;

describe('ReservationLine', () => {
  it('admits everything until the ledger refuses', () => {
    const line = new ReservationLine();
    expect(line.admits()).toBe(true);
    line.granted('a');
    expect(line.admits()).toBe(true);
    line.refused('a', T + 500);
    expect(line.admits()).toBe(false);
  });

  it('once full, lets one waiting user at a time ask, first come first served, from retryAt on', () => {
    const line = new ReservationLine();
    line.refused('x', T + 500);
    line.join('a', false);
    line.join('b', false);
    expect(line.nextMoveAt()).toBe(T + 500);
    expect(line.takeNext(T + 499)).toBeUndefined();
    expect(line.takeNext(T + 500)).toBe('a');
    // While a's answer is awaited nobody else goes, and the line has no time of its own to move.
    expect(line.takeNext(T + 500)).toBeUndefined();
    expect(line.nextMoveAt()).toBe(Infinity);
    line.granted('a');
    expect(line.takeNext(T + 500)).toBe('b');
  });

  it('a refused user keeps their place; the line waits for the new retryAt', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    expect(line.takeNext(T)).toBe('a');
    line.refused('a', T + 800);
    expect(line.takeNext(T + 799)).toBeUndefined();
    expect(line.takeNext(T + 800)).toBe('a');
  });

  it('is done when a grant leaves nobody waiting', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    expect(line.takeNext(T)).toBe('a');
    line.granted('a');
    expect(line.size).toBe(0);
    expect(line.admits()).toBe(true);
  });

  it('a user whose turn it was and who sent nothing leaves; the next goes, and the line stays tight', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    expect(line.takeNext(T)).toBe('a');
    line.released('a');
    expect(line.has('a')).toBe(false);
    expect(line.takeNext(T)).toBe('b');
    line.released('b');
    expect(line.admits()).toBe(false);
  });

  it('releasing someone whose turn it is not changes nothing', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    line.released('b');
    expect(line.has('b')).toBe(true);
  });

  it('urgent requests go before deferrable ones that fell due earlier, each lane first come first served', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('d1', false);
    line.join('u1', true);
    line.join('d2', false);
    line.join('u2', true);
    const order: string[] = [];
    for (let next = line.takeNext(T); next !== undefined; next = line.takeNext(T)) {
      order.push(next);
      line.granted(next);
    }
    expect(order).toEqual(['u1', 'u2', 'd1', 'd2']);
    expect(line.admits()).toBe(true);
  });

  it('a waiting user whose request turns urgent moves up to the urgent lane, and never back down', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    line.join('b', true);
    line.join('b', false);
    expect(line.size).toBe(2);
    expect(line.takeNext(T)).toBe('b');
  });

  it('the deferrable lane waits for its pacing slot while urgent requests go on', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.paceDeferrable(T + 400);
    line.join('d', false);
    expect(line.nextMoveAt()).toBe(T + 400);
    expect(line.takeNext(T)).toBeUndefined();
    line.join('u', true);
    expect(line.nextMoveAt()).toBe(T);
    expect(line.takeNext(T)).toBe('u');
    line.granted('u');
    expect(line.takeNext(T + 399)).toBeUndefined();
    expect(line.takeNext(T + 400)).toBe('d');
  });

  it('a first in line still waiting for pacing keeps their place, and the lane waits for the new slot', () => {
    const line = new ReservationLine();
    line.join('a', false);
    line.join('b', false);
    expect(line.takeNext(T)).toBe('a');
    // Another deferrable request went out meanwhile: a's is paced to the next slot.
    line.notYet('a');
    line.paceDeferrable(T + 100);
    expect(line.has('a')).toBe(true);
    expect(line.takeNext(T + 99)).toBeUndefined();
    expect(line.nextMoveAt()).toBe(T + 100);
    expect(line.takeNext(T + 100)).toBe('a');
    // notYet from someone whose turn it is not changes nothing.
    line.notYet('b');
    expect(line.takeNext(T + 100)).toBeUndefined();
  });

  it('a first in line with nothing due does not hold the line: they leave and the next goes at once', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    expect(line.takeNext(T)).toBe('a');
    // A new allocation moved a's request to a later moment: the worker releases them and looks again then.
    line.released('a');
    expect(line.has('a')).toBe(false);
    expect(line.nextMoveAt()).toBe(T);
    expect(line.takeNext(T)).toBe('b');
    // Back when due, a waits behind those who were already waiting.
    line.join('a', false);
    line.granted('b');
    expect(line.takeNext(T)).toBe('a');
  });

  it('a user who leaves is out of the line, their turn included', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a', false);
    line.join('b', false);
    expect(line.takeNext(T)).toBe('a');
    line.leave('a');
    expect(line.takeNext(T)).toBe('b');
    line.leave('b');
    expect(line.size).toBe(0);
    expect(line.nextMoveAt()).toBe(Infinity);
  });
});
