/** A `trackUri` that is not a track of the demo's catalog (404). */
export class UnknownDemoTrackError extends Error {
  readonly code = 'DEMO_UNKNOWN_TRACK';

  constructor(readonly trackUri: string) {
    super(`No track ${JSON.stringify(trackUri)} in the demo catalog; leave trackUri out to have one picked`);
    this.name = 'UnknownDemoTrackError';
  }
}
