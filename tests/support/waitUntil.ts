/** Polls a condition (sync or async) until it holds; fails with a clear message after timeoutMs. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = "condition"): Promise<void> {
  await waitFor(condition, (ok) => ok, timeoutMs, what);
}

/** Reads a value (sync or async) until `done` accepts it, and returns it; fails showing the last value after timeoutMs. */
export async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000, what = "value"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits, if needed, until the clock is 5–50 s into a minute (up to 15 s): the scheduler's jobs fire
 * at a minute's start, and a test that counts a lane's database commands must not count theirs.
 */
export async function awayFromMinuteTicks(): Promise<void> {
  const second = new Date().getSeconds();
  if (second < 5 || second > 50) await new Promise((resolve) => setTimeout(resolve, (((65 - second) % 60) + 1) * 1_000));
}
