/**
 * The one wait helper of the suites: polls `check` until it holds, or fails naming `what`.
 * (FakeConnector.waitFor wakes on every arrival instead of polling; use it for replies.)
 */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
