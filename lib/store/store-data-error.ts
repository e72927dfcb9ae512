/** Data read back from a store is not in the shape the store wrote: another program or version wrote it. */
export class StoreDataError extends Error {
  readonly code = 'STORE_DATA_INVALID';

  constructor(
    readonly location: string,
    detail: string,
  ) {
    super(`Malformed data at ${location}: ${detail}`);
    this.name = 'StoreDataError';
  }
}
