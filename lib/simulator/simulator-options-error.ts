/** Options (or a control request) the simulator cannot accept; the message names each bad field. */
export class SimulatorOptionsError extends Error {
  readonly code = 'SIMULATOR_OPTIONS_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'SimulatorOptionsError';
  }
}
