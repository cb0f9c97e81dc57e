/**
 * A token bucket: `ratePerSecond` tokens a second, up to `burst`. `take()` is false
 * when the bucket is empty.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number = performance.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes `amount` tokens (1 by default) if there are that many. */
  take(now: number = performance.now(), amount = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * What one writer may send in a minute: bytes of Yjs updates and number of updates, as
 * two token buckets holding a minute's budget (so a burst may spend it at once).
 */
export class WriteBudget {
  private readonly bytes: TokenBucket;
  private readonly updates: TokenBucket;

  constructor(limits: { bytesPerMinute: number; updatesPerMinute: number }, now = performance.now()) {
    this.bytes = new TokenBucket(limits.bytesPerMinute / 60, limits.bytesPerMinute, now);
    this.updates = new TokenBucket(limits.updatesPerMinute / 60, limits.updatesPerMinute, now);
  }

  /** Spends one update of `size` bytes; false (and nothing spent of the bytes) when over either budget. */
  spend(size: number, now = performance.now()): boolean {
    return this.updates.take(now) && this.bytes.take(now, size);
  }
}

/** New connections per address over a sliding minute. */
export class ConnectionRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly perMinute: number) {}

  allow(address: string, now: number = performance.now()): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = new TokenBucket(this.perMinute / 60, this.perMinute, now);
      this.buckets.set(address, bucket);
    }
    return bucket.take(now);
  }
}
