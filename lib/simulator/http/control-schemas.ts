import { z } from 'zod';
import { actorRatesSchema, addListenerSchema, appActionSchema, faultRuleSchema } from '../schemas';

/** Bodies of the control API (`/_sim/...`). */

export const addListenersBody = addListenerSchema
  .extend({ count: z.number().int().min(1).max(10_000).default(1) })
  .refine((body) => body.id === undefined || body.count === 1, {
    message: 'id can only be given with count 1',
  });

export const actorBody = z.strictObject({
  /** false stops the actor. Default true. */
  enabled: z.boolean().optional(),
  /** Rates to change (events per hour); others keep their value. */
  rates: actorRatesSchema.optional(),
});

export const scriptBody = z.strictObject({
  actions: z.array(
    z
      .strictObject({
        /** Absolute time (ms since the epoch)... */
        at: z.number().finite().optional(),
        /** ...or this long from now. */
        inMs: z.number().finite().min(0).optional(),
        action: appActionSchema,
      })
      .refine((entry) => (entry.at === undefined) !== (entry.inMs === undefined), {
        message: 'give exactly one of at and inMs',
      }),
  ),
});

export const actBody = z.strictObject({ action: appActionSchema });

export const faultsBody = z.strictObject({ rules: z.array(faultRuleSchema) });

export const outageBody = z.strictObject({ down: z.boolean() });

export const objectBody = z.record(z.string(), z.unknown());
