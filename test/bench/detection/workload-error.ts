/** A workload file the detection benchmark cannot use; the message names the file and every bad field. */
export class WorkloadError extends Error {
  readonly code = 'WORKLOAD_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'WorkloadError';
  }
}
