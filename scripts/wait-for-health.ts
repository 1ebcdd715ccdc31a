/**
 * Polls a health URL until it answers 200 or the timeout passes. Generous: each worker of the
 * server loads the console's build, which on a busy two-core machine has taken over a minute.
 */
export async function waitForHealth(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The app did not become healthy at ${url}`);
}
