/** What the browser test did and saw, with the time since it began: printed when it fails, to read the race. */
export class Trail {
  private readonly started = performance.now();
  private readonly entries: string[] = [];

  push(text: string): void {
    this.entries.push(`+${Math.round(performance.now() - this.started)} ms  ${text}`);
  }

  lines(): readonly string[] {
    return this.entries;
  }
}
