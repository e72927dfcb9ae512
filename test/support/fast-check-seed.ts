import fc from 'fast-check';

/**
 * Property tests run from one seed, so a CI run is reproducible: the same seed draws the same cases on every
 * machine. `FC_SEED=<n> npx jest …` explores other seeds (do that when touching a property's code).
 */
// eslint-disable-next-line no-restricted-syntax -- test infrastructure: the seed to explore
const seed = Number(process.env.FC_SEED ?? 20_261_125);
fc.configureGlobal({ seed });
