/**
 * A model's concurrency slots, with optional spacing between call starts (requests per second).
 * Hand-written: bottleneck's scheduler cost ~5 ms per job here (1,000 no-op jobs took 4.9–6.5 s),
 * which capped a model at ~200 calls/s; cockatiel's bulkhead has no spacing.
 */
export class CallLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStartAt = 0;
  private drained: (() => void) | undefined;

  constructor(
    private readonly concurrency: number,
    private readonly minTimeMs: number,
  ) {}

  async schedule<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Resolves once no call holds a slot (queued calls still get theirs, and must exit at once). */
  stop(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => (this.drained = resolve));
  }

  private async acquire(): Promise<void> {
    if (this.active < this.concurrency) this.active += 1;
    // A released slot is handed straight to the next waiter, so `active` stays as it is.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.minTimeMs > 0) {
      const now = Date.now();
      const startAt = Math.max(now, this.nextStartAt);
      this.nextStartAt = startAt + this.minTimeMs;
      if (startAt > now) await new Promise((resolve) => setTimeout(resolve, startAt - now));
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) return next();
    this.active -= 1;
    if (this.active === 0) this.drained?.();
  }
}
