/**
 * Runs tasks one after another. The AKIS PKCS#11 library is not thread-safe and a
 * multi-step read (open session, find, read, close) must not interleave with another,
 * so every PKCS#11 step of the agent goes through one queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Queues `task`; it starts when every earlier task has settled. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.done(),
      () => this.done(),
    );
    return result;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  private done(): void {
    this.pending--;
  }
}
