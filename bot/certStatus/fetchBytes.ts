import { CheckError } from './types';

/** The clock and tolerances every answer is judged by. */
export interface Freshness {
  now: Date;
  /** Allowed clock difference with the responder. */
  clockSkewMs: number;
  /** An answer without nextUpdate is accepted this long after its thisUpdate. */
  maxAgeMs: number;
}

const MAX_BYTES = 10 * 1024 * 1024;

/** GET or POST with a deadline; anything but a 2xx body is `unreachable`. */
export async function fetchBytes(url: string, timeoutMs: number, init: RequestInit = {}): Promise<Buffer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) throw new CheckError('unreachable', `${url} answered HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > MAX_BYTES) throw new CheckError('unverifiable', `${url} sent more than ${MAX_BYTES} bytes`);
    return body;
  } catch (error) {
    if (error instanceof CheckError) throw error;
    throw new CheckError('unreachable', `${url}: ${(error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (error as Error).message}`);
  }
}
