import { z } from 'zod';
import type { ActorRates } from './actors';
import type { AppActionKind } from './app-actions';
import { APP_ACTION_KINDS } from './app-actions';
import { DEFAULT_CATALOG_OPTIONS as CATALOG } from './catalog';
import { DEFAULT_MODEL_SETTINGS as MODEL } from './listener-model';
import { DEFAULT_RATE_LIMIT_OPTIONS as RATE } from './rate-window';
import { DEFAULT_CONSISTENCY, DEFAULT_PODCAST_CHANCE } from './sim-listener';
import { SimulatorOptionsError } from './simulator-options-error';
import { DEFAULT_TOKEN_SETTINGS as TOKENS } from './tokens';

/**
 * zod schemas for what callers hand the simulator (options, control API bodies), so bad input is refused up
 * front with the exact field named.
 */

const nonNegative = z.number().finite().min(0);
const fraction = z.number().min(0).max(1);

const rate = nonNegative.optional();
const rateShape = Object.fromEntries(APP_ACTION_KINDS.map((kind) => [kind, rate])) as Record<
  AppActionKind,
  typeof rate
>;

/** Events per hour per action kind; kinds left out keep their current (or default) rate. */
export const actorRatesSchema = z.strictObject(rateShape);

export function mergeRates(
  base: Readonly<ActorRates>,
  overrides: Partial<Record<AppActionKind, number | undefined>>,
) {
  const merged: ActorRates = { ...base };
  for (const kind of APP_ACTION_KINDS) {
    const value = overrides[kind];
    if (value !== undefined) merged[kind] = value;
  }
  return merged;
}

const repeatState = z.enum(['off', 'track', 'context']);

/** What `SimWorld.addListener` takes (see `AddListenerOptions`). */
export const addListenerSchema = z.strictObject({
  id: z.string().min(1).optional(),
  displayName: z.string().min(1).optional(),
  initial: z.enum(['playing', 'paused', 'idle']).optional(),
  devices: z
    .array(
      z.strictObject({
        id: z.string().min(1).optional(),
        name: z.string().min(1),
        type: z.string().min(1),
        volume: z.number().int().min(0).max(100).optional(),
        supportsVolume: z.boolean().optional(),
      }),
    )
    .min(1)
    .optional(),
  actor: z.union([z.boolean(), actorRatesSchema]).optional(),
});

export const appActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('skip') }),
  z.strictObject({ kind: z.literal('previous') }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('seek'), positionMs: z.number().int().min(0).optional() }),
  z.strictObject({ kind: z.literal('volume'), volume: z.number().int().min(0).max(100).optional() }),
  z.strictObject({ kind: z.literal('device'), deviceId: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('queue_add'), uri: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('queue_clear') }),
  z.strictObject({ kind: z.literal('stop') }),
  z.strictObject({
    kind: z.literal('start'),
    contextUri: z.string().min(1).optional(),
    deviceId: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('context'), contextUri: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('shuffle'), on: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('repeat'), state: repeatState.optional() }),
]);

const latencySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), ms: nonNegative }),
  z.strictObject({ type: z.literal('uniform'), minMs: nonNegative, maxMs: nonNegative }),
  z.strictObject({ type: z.literal('exponential'), meanMs: nonNegative, maxMs: nonNegative.optional() }),
]);

const ruleCommon = {
  match: z
    .strictObject({
      method: z.string().min(1).optional(),
      path: z.string().startsWith('/').optional(),
      listenerId: z.string().min(1).optional(),
    })
    .optional(),
  count: z.number().int().min(1).optional(),
  probability: fraction.optional(),
};

export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), latency: latencySchema, ...ruleCommon }),
  z.strictObject({ kind: z.literal('status'), status: z.number().int().min(500).max(599), ...ruleCommon }),
  z.strictObject({ kind: z.literal('hang'), ...ruleCommon }),
  z.strictObject({ kind: z.literal('reset'), ...ruleCommon }),
  z.strictObject({ kind: z.literal('malformed'), ...ruleCommon }),
]);

export const rateLimitSchema = z.strictObject({
  limit: z.number().int().min(1).default(RATE.limit),
  windowMs: z.number().int().min(1).default(RATE.windowMs),
  penaltyBaseMs: nonNegative.default(RATE.penaltyBaseMs),
  penaltyFactor: z.number().finite().min(1).default(RATE.penaltyFactor),
  maxRetryAfterMs: z.number().finite().min(1000).default(RATE.maxRetryAfterMs),
  body: z.enum(['error', 'quota', 'none']).default(RATE.body),
});

export const consistencySchema = z
  .strictObject({
    minMs: nonNegative.default(DEFAULT_CONSISTENCY.minMs),
    maxMs: nonNegative.default(DEFAULT_CONSISTENCY.maxMs),
  })
  .refine((c) => c.minMs <= c.maxMs, { message: 'minMs must not exceed maxMs' });

export const simulatorOptionsSchema = z.strictObject({
  /** Seeds the catalog, listeners, actors, tokens and delays. Default 1. */
  seed: z.union([z.number().finite(), z.string().min(1)]).default(1),
  /** Default: 32 hex characters drawn from the seed. */
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  catalog: z
    .strictObject({
      artists: z.number().int().min(1).default(CATALOG.artists),
      albums: z.number().int().min(1).default(CATALOG.albums),
      playlists: z.number().int().min(0).default(CATALOG.playlists),
      shows: z.number().int().min(0).default(CATALOG.shows),
      shortTrackFraction: fraction.default(CATALOG.shortTrackFraction),
      longTrackFraction: fraction.default(CATALOG.longTrackFraction),
      typicalTrackMinMs: z.number().int().min(30_000).default(CATALOG.typicalTrackMinMs),
      typicalTrackMaxMs: z.number().int().min(30_000).default(CATALOG.typicalTrackMaxMs),
    })
    .refine((c) => c.shortTrackFraction + c.longTrackFraction <= 1, {
      message: 'shortTrackFraction + longTrackFraction must not exceed 1',
    })
    .refine((c) => c.typicalTrackMinMs <= c.typicalTrackMaxMs, {
      message: 'typicalTrackMinMs must not exceed typicalTrackMaxMs',
    })
    .prefault({}),
  tokens: z
    .strictObject({
      accessTokenTtlMs: z.number().int().min(1).default(TOKENS.accessTokenTtlMs),
      authorizationCodeTtlMs: z.number().int().min(1).default(TOKENS.authorizationCodeTtlMs),
      refreshTokenRotation: fraction.default(TOKENS.refreshTokenRotation),
      refreshTokenTtlMs: z.number().int().min(1).nullable().default(TOKENS.refreshTokenTtlMs),
    })
    .prefault({}),
  rateLimit: rateLimitSchema.prefault({}),
  consistency: consistencySchema.prefault({}),
  model: z
    .strictObject({
      adChance: fraction.default(MODEL.adChance),
      adMinMs: z.number().int().min(1).default(MODEL.adMinMs),
      adMaxMs: z.number().int().min(1).default(MODEL.adMaxMs),
      autoplay: z.boolean().default(MODEL.autoplay),
    })
    .refine((m) => m.adMinMs <= m.adMaxMs, { message: 'adMinMs must not exceed adMaxMs' })
    .prefault({}),
  /** Chance that an actor starting something picks a podcast. Default 0.1. */
  podcastChance: fraction.default(DEFAULT_PODCAST_CHANCE),
  /** Rates for listeners created without their own; kinds left out keep `DEFAULT_ACTOR_RATES`. */
  actorRates: actorRatesSchema.prefault({}),
});

export type SimulatorOptionsInput = z.input<typeof simulatorOptionsSchema>;

/** Parses `input` with `schema`, or throws a SimulatorOptionsError naming every bad field under `what`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${what}${path ? ` \`${path}\`` : ''}: ${issue.message}`;
  });
  throw new SimulatorOptionsError(problems.join('; '));
}
