import { Writable } from 'node:stream';

/** A log destination that keeps every line (pino writes one JSON line per chunk), for tests that read the logs. */
export interface LogSink {
  readonly stream: Writable;
  readonly lines: string[];
}

export function logSink(lines: string[] = []): LogSink {
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  return { stream, lines };
}
