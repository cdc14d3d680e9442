import { EventEmitter } from 'node:events';
import pcsclite from 'pcsclite';
import { classifyAtr, normaliseAtr, type AtrClassification } from './atr';
import { PcscServiceUnavailableError } from './errors';

/**
 * Card readers through PC/SC. Watches readers and cards, and keeps watching across
 * a restart of the smart card service and readers plugged in later. It only reads
 * reader state and the ATR that the service reports: it never connects to the card
 * and never sends an APDU.
 */

type PcscContext = ReturnType<typeof pcsclite>;

/** The part of pcsclite's CardReader the monitor uses (the d.ts does not export it). */
interface PcscReader extends EventEmitter {
  name: string;
  close(): void;
}

/** pcsclite internals used to learn when a reader list arrived (it has no event for it). */
interface PcscContextInternals {
  start(cb: (err: unknown, data: Buffer) => void): void;
}

/** SCardListReaders' multi-string: "name\0name\0\0". */
function parseReaderNames(data: Buffer | undefined): string[] {
  return data ? data.toString('utf8').split('\0').filter((n) => n.length > 0) : [];
}

const SCARD_STATE_PRESENT = 0x20;
const SCARD_STATE_MUTE = 0x200;

export interface ReaderSnapshot {
  name: string;
  cardPresent: boolean;
  /** Upper-case hex, null when no card. */
  atr: string | null;
  classification: AtrClassification | null;
}

export interface PcscMonitorEvents {
  'reader-added': [name: string];
  'reader-removed': [name: string];
  'card-inserted': [reader: ReaderSnapshot];
  'card-removed': [reader: ReaderSnapshot];
  /** The service went away (or was never there); the monitor retries when `reconnect`. */
  'service-down': [error: PcscServiceUnavailableError];
  'service-up': [];
}

export interface PcscMonitorOptions {
  /** Keep retrying when the service is down (run mode). Default true. */
  reconnect?: boolean;
  /** First retry delay, doubled up to `retryMaxMs`. Defaults 200 ms and 5000 ms. */
  retryInitialMs?: number;
  retryMaxMs?: number;
}

interface LiveReader {
  reader: PcscReader;
  /** True once the reader reported its first status. */
  seen: boolean;
}

export class PcscMonitor extends EventEmitter<PcscMonitorEvents> {
  private readonly options: Required<PcscMonitorOptions>;
  private context: PcscContext | null = null;
  private live = new Map<string, LiveReader>();
  /** Last known state per reader; survives a service restart so events are not repeated. */
  private known = new Map<string, ReaderSnapshot>();
  private listed = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private serviceUp = false;

  constructor(options: PcscMonitorOptions = {}) {
    super();
    this.options = { reconnect: true, retryInitialMs: 200, retryMaxMs: 5000, ...options };
    this.retryDelay = this.options.retryInitialMs;
  }

  /**
   * Connects to the service. Without `reconnect` a missing service throws
   * PcscServiceUnavailableError; with it, `service-down` is emitted and retried.
   */
  start(): void {
    if (this.closed) throw new Error('PcscMonitor is closed');
    try {
      this.openContext();
    } catch (err) {
      const down = toServiceError(err);
      if (!this.options.reconnect) throw down;
      this.onServiceDown(down);
    }
  }

  /** Current readers and cards (what the service reported last). */
  readers(): ReaderSnapshot[] {
    return [...this.known.values()].map((r) => ({ ...r }));
  }

  /** True when the reader list arrived and every reader reported its state once. */
  get settled(): boolean {
    return this.listed && [...this.live.values()].every((r) => r.seen);
  }

  get connected(): boolean {
    return this.serviceUp;
  }

  /** Resolves when settled, or after `timeoutMs` with whatever is known. */
  async waitUntilSettled(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.settled && Date.now() < deadline && !this.closed) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops watching and releases the PC/SC context. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.dropContext();
    this.removeAllListeners();
  }

  private openContext(): void {
    const context = pcsclite(); // throws synchronously when the service is absent
    this.context = context;
    this.listed = false;
    context.on('error', (err: unknown) => this.onServiceDown(toServiceError(err)));
    context.on('reader', (reader: PcscReader) => this.attachReader(reader));
    // pcsclite starts listing on the next tick and emits `reader` per new name, but has
    // no event for "list received" (an empty list emits nothing): wrap its callback.
    const internals = context as unknown as PcscContextInternals;
    const start = internals.start;
    internals.start = (cb) =>
      start.call(context, (err, data) => {
        cb(err, data);
        if (!err) this.onReaderList(context, parseReaderNames(data));
      });
  }

  /** After every reader list: drop readers known before a restart that are gone now. */
  private onReaderList(context: PcscContext, names: string[]): void {
    if (this.context !== context || this.closed) return;
    for (const name of [...this.known.keys()]) {
      if (!names.includes(name)) this.forgetReader(name);
    }
    this.listed = true;
    if (!this.serviceUp) {
      this.serviceUp = true;
      this.retryDelay = this.options.retryInitialMs;
      this.emit('service-up');
    }
  }

  private attachReader(reader: PcscReader): void {
    const entry: LiveReader = { reader, seen: false };
    this.live.set(reader.name, entry);
    if (!this.known.has(reader.name)) {
      this.known.set(reader.name, { name: reader.name, cardPresent: false, atr: null, classification: null });
      this.emit('reader-added', reader.name);
    }
    reader.on('error', () => {
      // A reader thread fails when the service stops; the context error handles recovery
      // and the next reader list tells whether the reader is really gone.
    });
    reader.on('status', (status: { state: number; atr?: Buffer }) => {
      entry.seen = true;
      this.onStatus(reader.name, status);
    });
    reader.on('end', () => {
      if (this.live.get(reader.name) === entry) this.live.delete(reader.name);
    });
  }

  private onStatus(name: string, status: { state: number; atr?: Buffer }): void {
    const present = (status.state & SCARD_STATE_PRESENT) !== 0 && (status.state & SCARD_STATE_MUTE) === 0;
    const atr = present && status.atr && status.atr.length > 0 ? normaliseAtr(status.atr) : null;
    const before = this.known.get(name);
    const now: ReaderSnapshot = {
      name,
      cardPresent: present && atr !== null,
      atr,
      classification: atr ? classifyAtr(atr) : null,
    };
    this.known.set(name, now);
    if (before?.cardPresent && (!now.cardPresent || before.atr !== now.atr)) this.emit('card-removed', before);
    if (now.cardPresent && (!before?.cardPresent || before.atr !== now.atr)) this.emit('card-inserted', now);
  }

  private forgetReader(name: string): void {
    const before = this.known.get(name);
    if (!before) return;
    this.known.delete(name);
    if (before.cardPresent) this.emit('card-removed', before);
    this.emit('reader-removed', name);
  }

  private onServiceDown(error: PcscServiceUnavailableError): void {
    if (this.closed) return;
    this.dropContext();
    if (this.serviceUp || !this.retryTimer) this.emit('service-down', error);
    this.serviceUp = false;
    if (!this.options.reconnect || this.retryTimer) return;
    this.retryTimer = setTimeout(() => this.retry(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMaxMs);
  }

  private retry(): void {
    this.retryTimer = null;
    if (this.closed) return;
    try {
      this.openContext();
    } catch (err) {
      this.onServiceDown(toServiceError(err));
    }
  }

  private dropContext(): void {
    const context = this.context;
    this.context = null;
    this.listed = false;
    for (const { reader } of this.live.values()) {
      reader.removeAllListeners();
      reader.on('error', () => undefined);
      safely(() => reader.close());
    }
    this.live.clear();
    if (context) {
      context.removeAllListeners();
      context.on('error', () => undefined);
      safely(() => context.close());
    }
  }
}

function toServiceError(err: unknown): PcscServiceUnavailableError {
  return new PcscServiceUnavailableError(err instanceof Error ? err.message : String(err));
}

function safely(step: () => void): void {
  try {
    step();
  } catch {
    // releasing: ignore
  }
}

/**
 * One-shot read for `status`: the readers and cards now. Throws
 * PcscServiceUnavailableError when the smart card service is not running.
 */
export async function readReadersOnce(timeoutMs = 1500): Promise<ReaderSnapshot[]> {
  const monitor = new PcscMonitor({ reconnect: false });
  let failure: PcscServiceUnavailableError | null = null;
  try {
    monitor.on('service-down', (err) => {
      failure = err;
    });
    monitor.start();
    await monitor.waitUntilSettled(timeoutMs);
    if (failure) throw failure;
    return monitor.readers();
  } finally {
    monitor.close();
  }
}
