/**
 * Awaits a teardown step, and says which one it is on stderr when it takes longer than `ms`: a hook that then
 * exceeds Jest's timeout leaves a trail naming the step it was waiting on. The step is still awaited, so what
 * comes after it still runs once it ends.
 */
export async function namedStep<T>(name: string, step: () => Promise<T>, ms = 5000): Promise<T> {
  const startedAt = process.hrtime.bigint();
  const timer = setTimeout(() => {
    process.stderr.write(`teardown step still pending after ${ms} ms: ${name}\n`);
  }, ms);
  try {
    return await step();
  } finally {
    clearTimeout(timer);
    const tookMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
    if (tookMs > ms) process.stderr.write(`teardown step ${name} took ${Math.round(tookMs)} ms\n`);
  }
}
