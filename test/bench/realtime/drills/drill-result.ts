/** One fault drill's outcome, printed as pass/fail with its recovery time. */
export interface DrillResult {
  name: string;
  pass: boolean;
  /** ms; null when it never recovered (or the drill failed before). */
  recoveryMs: number | null;
  /** What the recovery time runs from and to. */
  recovery: string;
  /** What passing requires. */
  criterion: string;
  /** Every check, with what was seen: the failing ones say why. */
  checks: Array<{ check: string; ok: boolean; seen: string }>;
}

/** Collects a drill's checks; `pass` is all of them. */
export class DrillChecks {
  readonly checks: DrillResult['checks'] = [];

  check(check: string, ok: boolean, seen: string): boolean {
    this.checks.push({ check, ok, seen });
    return ok;
  }

  get pass(): boolean {
    return this.checks.length > 0 && this.checks.every((entry) => entry.ok);
  }
}

/** Runs a drill; an exception is a failed drill with the error as its one check, not an aborted run. */
export async function runDrill(
  name: string,
  recovery: string,
  criterion: string,
  drill: (checks: DrillChecks) => Promise<number | null>,
): Promise<DrillResult> {
  const checks = new DrillChecks();
  let recoveryMs: number | null = null;
  try {
    recoveryMs = await drill(checks);
  } catch (error) {
    checks.check('the drill ran to the end', false, error instanceof Error ? error.message : String(error));
  }
  return { name, pass: checks.pass, recoveryMs, recovery, criterion, checks: checks.checks };
}
