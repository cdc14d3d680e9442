import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReadersOnce } from '../../../paired-agent/pcsc';
import { eventually } from '../../support/wait';

/**
 * A pcscd of the tests' own, never the machine's: it runs in a private mount namespace
 * (`unshare -m`) whose /run is a fresh tmpfs, so its fixed socket /run/pcscd/pcscd.comm
 * exists only there. This process reaches it through the namespace holder's root,
 * /proc/<holder>/root/run/pcscd/pcscd.comm, named in PCSCLITE_CSOCK_NAME (libpcsclite
 * reads that variable once, on first use, so there is ONE private pcscd per test process:
 * `sharedPcscd()`).
 *
 * Readers are vsmartcard `vpcd` readers, declared in a private reader.conf.d (`pcscd -c`),
 * each on its own TCP port (vpcd opens slots "NAME 00 00" on port P and "NAME 00 01" on P+1).
 */
export class PrivatePcscd {
  private holder: ChildProcess | null = null;
  private daemon: ChildProcess | null = null;
  private readonly dir: string;
  private readonly confDir: string;
  private log = '';

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'eimza-pcscd-'));
    this.confDir = join(this.dir, 'reader.conf.d');
    mkdirSync(this.confDir);
  }

  /** The path libpcsclite must use to reach this pcscd. */
  get socketPath(): string {
    if (!this.holder?.pid) throw new Error('namespace holder not running');
    return `/proc/${this.holder.pid}/root/run/pcscd/pcscd.comm`;
  }

  get output(): string {
    return this.log;
  }

  static async start(): Promise<PrivatePcscd> {
    const pcscd = new PrivatePcscd();
    try {
      await pcscd.startHolder();
      return pcscd;
    } catch (err) {
      pcscd.stop();
      throw err;
    }
  }

  /**
   * Declares THE vpcd reader (replacing any earlier one: the vpcd driver keeps its
   * sockets per slot number, so two vpcd readers in one pcscd share them). Returns the
   * port of slot "00 00"; slot "00 01" is on the next port. Takes effect at (re)start.
   */
  async setVpcdReader(friendlyName: string): Promise<number> {
    const port = await freePortPair();
    const hex = `0x${port.toString(16).toUpperCase()}`;
    rmSync(this.confDir, { recursive: true, force: true });
    mkdirSync(this.confDir, { recursive: true });
    writeFileSync(
      join(this.confDir, 'vpcd'),
      `FRIENDLYNAME "${friendlyName}"\nDEVICENAME   /dev/null:${hex}\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    ${hex}\n`,
    );
    return port;
  }

  /** Removes every reader declaration (takes effect at restart). */
  clearReaders(): void {
    rmSync(this.confDir, { recursive: true, force: true });
    mkdirSync(this.confDir, { recursive: true });
  }

  /** Stops and starts the daemon, e.g. after changing the readers. */
  async restartDaemon(): Promise<void> {
    await this.stopDaemon();
    await this.startDaemon();
  }

  /** Starts the daemon inside the namespace and waits for its socket. */
  async startDaemon(): Promise<void> {
    if (this.daemon) return;
    const holderPid = this.holderPid();
    const daemon = spawn('nsenter', ['-t', String(holderPid), '-m', 'pcscd', '-f', '-c', this.confDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    daemon.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    daemon.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    daemon.on('exit', () => {
      if (this.daemon === daemon) this.daemon = null;
    });
    this.daemon = daemon;
    await eventually(() => existsSync(this.socketPath), `pcscd socket ${this.socketPath}\n${this.log}`, 5000);
  }

  /** Stops the daemon (SIGTERM, then SIGKILL) and waits for it to exit. */
  async stopDaemon(): Promise<void> {
    const daemon = this.daemon;
    if (!daemon || daemon.exitCode !== null) return;
    const exited = new Promise<void>((r) => daemon.once('exit', () => r()));
    daemon.kill('SIGTERM');
    const timer = setTimeout(() => daemon.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops everything and removes the temp folder. Safe to call twice. */
  stop(): void {
    if (this.daemon?.pid && this.daemon.exitCode === null) this.daemon.kill('SIGKILL');
    this.daemon = null;
    if (this.holder?.pid && this.holder.exitCode === null) this.holder.kill('SIGKILL');
    this.holder = null;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private holderPid(): number {
    if (!this.holder?.pid) throw new Error('namespace holder not running');
    return this.holder.pid;
  }

  private async startHolder(): Promise<void> {
    // The holder keeps the namespace alive and dies with this test process (watchdog loop),
    // killing its pcscd on the way out, so nothing outlives a crashed test run.
    const script = [
      'set -e',
      'mount -t tmpfs -o mode=0755 tmpfs /run',
      'mkdir -p /run/pcscd',
      'echo ready',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
      'if [ -f /run/pcscd/pcscd.pid ]; then kill -9 "$(cat /run/pcscd/pcscd.pid)" 2>/dev/null || true; fi',
    ].join('\n');
    const holder = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.holder = holder;
    let out = '';
    holder.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    holder.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    await eventually(() => out.includes('ready') || holder.exitCode !== null, 'namespace holder', 5000);
    if (!out.includes('ready')) throw new Error(`unshare failed: ${out}`);
  }
}

let shared: Promise<PrivatePcscd> | null = null;

/**
 * The one private pcscd of this test process, started on first use, with
 * PCSCLITE_CSOCK_NAME pointing at it. Stopped when the process exits.
 */
export function sharedPcscd(): Promise<PrivatePcscd> {
  shared ??= PrivatePcscd.start().then((pcscd) => {
    process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
    process.once('exit', () => pcscd.stop());
    return pcscd;
  });
  return shared;
}

/** Two consecutive free TCP ports (vpcd uses P and P+1); returns P. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    if ((await portFree(port)) && (await portFree(port + 1))) return port;
  }
  throw new Error('no free port pair');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** Polls the private pcscd until `check` holds for its reader list (cards come and go by polling). */
export async function waitForReaders(
  check: (readers: Array<{ name: string; cardPresent: boolean }>) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  await eventually(async () => check(await readReadersOnce()), what, timeoutMs, 50);
}
