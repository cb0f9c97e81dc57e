import { emailPreferences, hashPassword, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFamily } from './devices.ts';
import { signIn } from './sign-in.ts';

const PASSWORD = 'fensch-valley-2026';
const now = new Date('2026-12-07T18:00:00Z');
const FIREFOX = browserFamily(
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
);
const SAFARI = browserFamily(
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
);
const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = 'b'.repeat(32);

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(
    `sign-in from a new device on ${backend.name}`,
    { timeout: 30_000 },
    () => {
      let db: Db;
      let opted = '';
      let other = '';
      const alerts = (userId: string) =>
        db.sql<{ kind: string; locale: string; toAddress: string; payload: Record<string, unknown> }[]>`
        select kind, locale, to_address, payload from email_outbox
        where user_id = ${userId} and kind = 'new_device_sign_in' order by created_at`;
      const signInAs = (email: string, token: string, family = FIREFOX, ip = '203.0.113.42') =>
        signIn(db.sql, { email, password: PASSWORD, now, ip, device: { token, family } });

      beforeAll(async () => {
        db = await backend.open();
        const passwordHash = await hashPassword(PASSWORD);
        opted = (
          await users.create(db.sql, {
            email: 'ines@example.org',
            displayName: 'Inès',
            passwordHash,
            locale: 'de',
          })
        ).id;
        other = (
          await users.create(db.sql, { email: 'oscar@example.org', displayName: 'Oscar', passwordHash })
        ).id;
        await emailPreferences.setNewDeviceAlert(db.sql, { userId: opted, on: true, now });
      }, 60_000);
      afterAll(async () => {
        await db?.close();
      }, 60_000);

      it('writes one alert, in the person’s language, for a device they never used', async () => {
        expect((await signInAs('ines@example.org', TOKEN_A)).ok).toBe(true);
        expect(await alerts(opted)).toEqual([
          {
            kind: 'new_device_sign_in',
            locale: 'de',
            toAddress: 'ines@example.org',
            payload: { at: now.toISOString(), browser: 'Firefox', os: 'Windows', address: '203.0.113.x' },
          },
        ]);
        // The same device again: nothing more.
        expect((await signInAs('ines@example.org', TOKEN_A)).ok).toBe(true);
        expect(await alerts(opted)).toHaveLength(1);
      });

      it('counts another cookie, or another browser family with the same cookie, as a new device', async () => {
        await signInAs('ines@example.org', TOKEN_B);
        await signInAs('ines@example.org', TOKEN_A, SAFARI);
        expect((await alerts(opted)).map((row) => row.payload.browser)).toEqual([
          'Firefox',
          'Firefox',
          'Safari',
        ]);
      });

      it('writes nothing for a person who did not ask, or after they turned it off', async () => {
        expect((await signInAs('oscar@example.org', TOKEN_A)).ok).toBe(true);
        expect(await alerts(other)).toEqual([]);
        await emailPreferences.setNewDeviceAlert(db.sql, { userId: opted, on: false, now });
        await signInAs('ines@example.org', 'c'.repeat(32));
        expect(await alerts(opted)).toHaveLength(3);
      });

      it('writes nothing when the password is wrong', async () => {
        await emailPreferences.setNewDeviceAlert(db.sql, { userId: opted, on: true, now });
        const refused = await signIn(db.sql, {
          email: 'ines@example.org',
          password: 'wrong',
          now,
          ip: '198.51.100.7',
          device: { token: 'd'.repeat(32), family: FIREFOX },
        });
        expect(refused.ok).toBe(false);
        expect(await alerts(opted)).toHaveLength(3);
      });
    },
  );
}
