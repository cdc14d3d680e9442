import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { TSX_LOADER } from './tsx';

const REPO = resolve(__dirname, '../..');

/** `tsx bot/index.ts` as a real child process (node with tsx's loader, so signals reach the bot itself). */
export class BotProcess {
  private child?: ChildProcess;
  output = '';
  exitCode: Promise<number | null> = Promise.resolve(null);

  constructor(private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, resolve(REPO, 'bot/index.ts')], {
      cwd: tmpdir(), // no developer .env
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exitCode = new Promise((done) => child.once('exit', (code) => done(code)));
    child.stdout!.on('data', (chunk) => (this.output += String(chunk)));
    child.stderr!.on('data', (chunk) => (this.output += String(chunk)));
    const deadline = Date.now() + 20_000;
    while (!this.output.includes('eimza-bot listening')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot did not start:\n${this.output}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    return this;
  }

  /** Sends `signal` and returns the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      return await this.exitCode;
    } finally {
      clearTimeout(timer);
    }
  }

  /** For `after` hooks: make sure nothing is left running. */
  async kill(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exitCode;
    }
  }
}
