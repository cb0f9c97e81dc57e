import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, signInThrottle, type Db, type RateRule } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const t0 = new Date('2026-11-26T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const rule: RateRule = { bucket: 'sign_up', windowMs: 60_000, perAccount: 3, perIp: 5 };

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`rate limits on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('allows the limit per account, then refuses until the oldest counted attempt leaves the window', async () => {
      for (let i = 0; i < 3; i++) {
        const verdict = await rateLimits.consume(db.sql, {
          rule,
          account: 'A@x.org',
          ip: `10.0.0.${i}`,
          now: at(i * 10_000),
        });
        expect(verdict.allowed).toBe(true);
      }
      // Same account, another case and address: refused; the first attempt (t0) leaves at 60 s.
      const refused = await rateLimits.consume(db.sql, {
        rule,
        account: ' a@x.org',
        ip: '10.0.1.1',
        now: at(45_000),
      });
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 15 });
      // A refused attempt is not counted: at 61 s one attempt is allowed again.
      expect(
        (await rateLimits.consume(db.sql, { rule, account: 'a@x.org', ip: '10.0.1.1', now: at(61_000) }))
          .allowed,
      ).toBe(true);
    });

    it('limits an address across accounts, and other addresses not at all', async () => {
      const ip = '192.0.2.50';
      for (let i = 0; i < 5; i++)
        await rateLimits.consume(db.sql, { rule, account: `p${i}@x.org`, ip, now: at(i) });
      expect((await rateLimits.check(db.sql, { rule, account: 'new@x.org', ip, now: at(10) })).allowed).toBe(
        false,
      );
      expect(
        (await rateLimits.check(db.sql, { rule, account: 'new@x.org', ip: '192.0.2.51', now: at(10) }))
          .allowed,
      ).toBe(true);
    });

    it('keeps each bucket apart: sign-up attempts do not throttle sign-ins', async () => {
      const other: RateRule = { ...rule, bucket: 'invitation' };
      for (let i = 0; i < 3; i++)
        await rateLimits.consume(db.sql, { rule: other, account: 'b@x.org', now: at(i) });
      expect((await rateLimits.check(db.sql, { rule: other, account: 'b@x.org', now: at(5) })).allowed).toBe(
        false,
      );
      expect((await rateLimits.check(db.sql, { rule, account: 'b@x.org', now: at(5) })).allowed).toBe(true);
      expect(
        (await signInThrottle.check(db.sql, { email: 'b@x.org', ip: '10.9.9.9', now: at(5) })).allowed,
      ).toBe(true);
    });

    it('stores hashes only', async () => {
      const rows = await db.sql<{ key: string; bucket: string }[]>`select key, bucket from rate_limit_events`;
      expect(new Set(rows.map((r) => r.bucket))).toEqual(new Set(['sign_up', 'invitation']));
      for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
