import type { Logger } from '../logger';
import { throttledWarn } from '../throttledLog';
import type { HandoffEngine } from './handoffEngine';

/**
 * Runs the handoff's timers (re-announce, idle close, retention) every `intervalMs`. Safe with
 * several instances: each due item is leased atomically by one of them (HandoffStore.takeDue).
 * `close()` stops the timer and waits for a sweep in flight; calling it twice is fine.
 */
export class HandoffSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;
  private readonly others: { name: string; sweep: () => Promise<number> }[] = [];
  private readonly warn: (fields: object, message: string) => void;

  constructor(private readonly engine: HandoffEngine, private readonly intervalMs: number, log: Logger) {
    this.warn = throttledWarn(log);
  }

  /** Another timer sharing this sweep (e.g. the renewal requests' reminders). */
  add(name: string, sweep: () => Promise<number>): this {
    this.others.push({ name, sweep });
    return this;
  }

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.sweepOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One sweep now (skipped when one is already running). */
  async sweepOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        for (const { name, sweep } of [{ name: 'help desk', sweep: () => this.engine.sweep() }, ...this.others]) {
          await sweep().catch((error: Error) => this.warn({ err: { name: error.name, message: error.message } }, `${name} timer sweep failed`));
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
