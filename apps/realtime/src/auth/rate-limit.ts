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

  take(now: number = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
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
