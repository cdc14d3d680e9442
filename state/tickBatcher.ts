/**
 * Collects the requests made during one iteration of the event loop and hands them to `flush` together:
 * parallel callers (botbuilder loads conversation and user state with Promise.all) share a single
 * Redis round trip, and under load so do the turns whose I/O completed in the same loop iteration.
 * Flushed in `setImmediate`, right after the loop's I/O callbacks, as ioredis' auto-pipelining does.
 */
export class TickBatcher<Request, Response> {
  private pending: { request: Request; resolve: (value: Response) => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly flush: (requests: Request[]) => Promise<(Response | Error)[]>) {}

  add(request: Request): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.run());
      this.pending.push({ request, resolve, reject });
    });
  }

  private async run(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.flush(batch.map((entry) => entry.request));
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result as Response);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
