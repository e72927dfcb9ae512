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
    line.join('a');
    line.join('b');
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
    line.join('a');
    line.join('b');
    expect(line.takeNext(T)).toBe('a');
    line.refused('a', T + 800);
    expect(line.takeNext(T + 799)).toBeUndefined();
    expect(line.takeNext(T + 800)).toBe('a');
  });

  it('is done when a grant leaves nobody waiting', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a');
    expect(line.takeNext(T)).toBe('a');
    line.granted('a');
    expect(line.size).toBe(0);
    expect(line.admits()).toBe(true);
  });

  it('a user whose turn it was and who sent nothing leaves; the next goes, and the line stays tight', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a');
    line.join('b');
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
    line.join('a');
    line.join('b');
    line.released('b');
    expect(line.has('b')).toBe(true);
  });

  it('holds the first in line until their request is due, keeping their place', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a');
    line.join('b');
    expect(line.takeNext(T)).toBe('a');
    line.holdUntil('a', T + 40);
    expect(line.nextMoveAt()).toBe(T + 40);
    expect(line.takeNext(T + 39)).toBeUndefined();
    expect(line.takeNext(T + 40)).toBe('a');
    line.granted('a');
    // The hold was a's: b goes at once.
    expect(line.takeNext(T + 40)).toBe('b');
  });

  it('a user who leaves is out of the line, their turn included', () => {
    const line = new ReservationLine();
    line.refused('x', T);
    line.join('a');
    line.join('b');
    expect(line.takeNext(T)).toBe('a');
    line.leave('a');
    expect(line.takeNext(T)).toBe('b');
    line.leave('b');
    expect(line.size).toBe(0);
    expect(line.nextMoveAt()).toBe(Infinity);
  });
});
