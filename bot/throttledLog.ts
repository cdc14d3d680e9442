import type { Logger } from './logger';

/**
 * Logs a repeated warning (a connection error on every reconnect attempt, a timer failing on
 * every sweep) once per `intervalMs` per message, with how many were left out since the last one.
 */
export function throttledWarn(log: Logger, intervalMs = 60_000): (fields: object, message: string) => void {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (fields, message) => {
    const now = Date.now();
    const seen = last.get(message);
    if (seen && now - seen.at < intervalMs) {
      seen.suppressed += 1;
      return;
    }
    last.set(message, { at: now, suppressed: 0 });
    log.warn(seen?.suppressed ? { ...fields, suppressed: seen.suppressed } : fields, message);
  };
}

/** Runs `step`, but gives up waiting after `ms` (logged): a close step must never hold shutdown. */
export async function bounded(log: Logger, name: string, ms: number, step: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), ms); timer.unref(); });
  try {
    const outcome = await Promise.race([step().then(() => 'done' as const), late]);
    if (outcome === 'late') log.warn({ step: name, ms }, 'shutdown step did not finish in time; moving on');
  } catch (error) {
    log.warn({ step: name, err: { message: (error as Error).message } }, 'shutdown step failed; moving on');
  } finally {
    clearTimeout(timer);
  }
}
