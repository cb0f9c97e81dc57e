import { DEMO_ACCOUNTS, DEMO_PASSWORD, hashPassword, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoSignIn, forgetDemoSignIn } from './demo-accounts.ts';

const [admin, , company] = DEMO_ACCOUNTS;

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`the demo accounts on the sign-in page, on ${backend.name}`, () => {
    let db: Db;
    // Opening a fresh database (PGlite, migrations) takes seconds on a busy machine.
    beforeAll(async () => {
      db = await backend.open();
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      forgetDemoSignIn();
      await db.sql`delete from users`;
    });

    it('shows nothing on a database that was never seeded', async () => {
      await users.create(db.sql, {
        email: 'claire@metz.example',
        displayName: 'Claire',
        passwordHash: await hashPassword('x'.repeat(12)),
        isAdmin: true,
      });
      expect(await demoSignIn(db.sql)).toBeNull();
    });

    it("shows nothing when someone signed up with the demo administrator's address", async () => {
      await users.create(db.sql, {
        email: admin.email,
        displayName: 'Usurpatrice',
        passwordHash: await hashPassword(DEMO_PASSWORD),
      });
      expect(await demoSignIn(db.sql)).toBeNull();
    });

    it('shows nothing when that administrator has a password of their own', async () => {
      await users.create(db.sql, {
        email: admin.email,
        displayName: 'Claire',
        passwordHash: await hashPassword('a real secret, not the demo one'),
        isAdmin: true,
      });
      expect(await demoSignIn(db.sql)).toBeNull();
    });

    it('lists the demo accounts that exist, with the demo password, on a seeded database', async () => {
      for (const account of [admin, company]) {
        await users.create(db.sql, {
          email: account.email,
          displayName: account.displayName,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          isAdmin: account === admin,
        });
      }
      expect(await demoSignIn(db.sql)).toEqual({
        password: DEMO_PASSWORD,
        accounts: [
          { email: admin.email, displayName: admin.displayName },
          { email: company.email, displayName: company.displayName },
        ],
      });
    });
  });
}
