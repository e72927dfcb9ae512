import type { StoreOptions } from '../../../lib/store/store-options';
import type { Stores } from '../../../lib/store/stores';

/** Stores over fresh, empty data, and a way to reach the same data as another process would. */
export interface StoreFixture {
  stores: Stores;
  /** Stores over the same data (Redis: another connection, as another process; memory: the same instance). */
  peer(): Promise<Stores>;
  /** Closes everything the fixture opened and deletes its data. */
  dispose(): Promise<void>;
}

export type MakeStores = (options?: Partial<StoreOptions>) => Promise<StoreFixture>;

/** A start instant for the tests' clock: ms since the epoch, as real callers pass. */
export const T0 = 1_764_000_000_000;

/**
 * Registers before/after hooks giving each test of the enclosing describe its own fixture.
 * Call it inside a describe; read `current()` inside tests.
 */
export function useFixture(makeStores: MakeStores): { current(): StoreFixture; stores(): Stores } {
  let fixture: StoreFixture | null = null;
  beforeEach(async () => {
    fixture = await makeStores();
  });
  afterEach(async () => {
    await fixture?.dispose();
    fixture = null;
  });
  const current = () => {
    if (!fixture) throw new Error('no fixture: read it inside a test');
    return fixture;
  };
  return { current, stores: () => current().stores };
}

/** Runs `body` with a fixture of its own (other options, or one per property run), disposing it after. */
export async function withFixture<T>(
  makeStores: MakeStores,
  options: Partial<StoreOptions>,
  body: (fixture: StoreFixture) => Promise<T>,
): Promise<T> {
  const fixture = await makeStores(options);
  try {
    return await body(fixture);
  } finally {
    await fixture.dispose();
  }
}
