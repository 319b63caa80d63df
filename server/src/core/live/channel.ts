/**
 * A push-based async iterator for one subscriber: values pushed before anyone reads are buffered (up to a limit,
 * past which the slowest subscriber is dropped rather than the server's memory); `return()` runs the cleanup.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private closed = false;
  private failure: Error | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly limit = 10_000) {}

  push(value: T): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next({ value, done: false });
    else if (this.buffer.length < this.limit) this.buffer.push(value);
    else
      this.fail(
        new Error("The subscriber fell too far behind; resubscribe with the last event id to resume."),
      );
  }

  fail(error: Error): void {
    this.failure = error;
    this.close();
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
