export interface AuthRouterOptions {
  /** How long a sign-in may take between `/auth/login` and the callback. Default 600 000 (10 min). */
  stateTtlMs: number;
}

export const DEFAULT_AUTH_ROUTER_OPTIONS: Readonly<AuthRouterOptions> = Object.freeze({
  stateTtlMs: 600_000,
});

/** Defaults merged with `overrides`, validated and frozen. Throws a RangeError naming the bad option. */
export function resolveAuthRouterOptions(
  overrides: Partial<AuthRouterOptions> = {},
): Readonly<AuthRouterOptions> {
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_AUTH_ROUTER_OPTIONS)) throw new RangeError(`Unknown auth router option \`${key}\``);
  }
  const stateTtlMs = overrides.stateTtlMs ?? DEFAULT_AUTH_ROUTER_OPTIONS.stateTtlMs;
  if (!Number.isSafeInteger(stateTtlMs) || stateTtlMs < 1) {
    throw new RangeError(
      `Auth router option \`stateTtlMs\` must be a positive integer (ms), got ${JSON.stringify(stateTtlMs)}`,
    );
  }
  return Object.freeze({ stateTtlMs });
}
