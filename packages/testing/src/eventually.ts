/**
 * Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. A check that
 * throws fails at once: that is how a check says "this will never happen" (a process died).
 */
export async function eventually<Value>(
  check: () => Promise<Value | undefined> | Value | undefined,
  timeoutMs = 15_000,
  what = 'condition',
  intervalMs = 50,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
