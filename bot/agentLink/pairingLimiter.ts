/**
 * Limits failed pairing attempts, so nobody can sweep the code space: per source address and for the whole instance, in
 * fixed windows. Together with one answer for every wrong code, sweeping the code space
 * (23^8 ≈ 7.8·10^10 codes) becomes hopeless: at the overall limit a blind scan needs years to hit
 * any pending code, and one address gives up after a handful of tries.
 */
export interface PairingLimits {
  perSource: number;
  perSourceWindowMs: number;
  overall: number;
  overallWindowMs: number;
}

export const DEFAULT_PAIRING_LIMITS: PairingLimits = { perSource: 20, perSourceWindowMs: 10 * 60_000, overall: 300, overallWindowMs: 60_000 };

interface Window { count: number; resetAt: number }

export class PairingLimiter {
  private readonly sources = new Map<string, Window>();
  private overall: Window = { count: 0, resetAt: 0 };

  constructor(private readonly limits: PairingLimits = DEFAULT_PAIRING_LIMITS, private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before `source` may try again (0: it may try now). */
  retryAfterMs(source: string): number {
    const now = this.now();
    const mine = this.sources.get(source);
    const waits = [
      mine && mine.resetAt > now && mine.count >= this.limits.perSource ? mine.resetAt - now : 0,
      this.overall.resetAt > now && this.overall.count >= this.limits.overall ? this.overall.resetAt - now : 0,
    ];
    return Math.max(...waits);
  }

  failed(source: string): void {
    const now = this.now();
    if (this.sources.size > 10_000) for (const [key, window] of this.sources) if (window.resetAt <= now) this.sources.delete(key);
    const mine = this.sources.get(source);
    if (!mine || mine.resetAt <= now) this.sources.set(source, { count: 1, resetAt: now + this.limits.perSourceWindowMs });
    else mine.count += 1;
    if (this.overall.resetAt <= now) this.overall = { count: 1, resetAt: now + this.limits.overallWindowMs };
    else this.overall.count += 1;
  }
}
