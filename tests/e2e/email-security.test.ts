// Issue 20 in Chromium against the built app, with a real SMTP server in this process: the
// "sign-in from a new device" e-mail for those who ask for it (once per device, in their
// language), and the one-click unsubscribe of RFC 8058 that a mail provider posts without a
// session or an Origin, while the other routes still refuse cross-site forms.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSmtpServer,
  type ReceivedMail,
  type TestSmtpServer,
} from '../../apps/web/src/lib/server/mail/testing/smtp.ts';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_PASSWORD, signedInContext } from '../support/room.ts';

const browser = browserAvailability();
const NEW_DEVICE_EN = /^New sign-in to your Atelier account$/;
const NEW_DEVICE_ANY = /^(New sign-in to your Atelier account|Nouvelle connexion à votre compte Atelier)$/;

describe.skipIf(!browser.available)(
  'sign-in alerts and one-click unsubscribe, through a real SMTP server',
  () => {
    let smtp: TestSmtpServer;
    let platform: Platform;
    let chromium: Browser;
    let first: { context: BrowserContext; page: Page };
    let alert: ReceivedMail | undefined;

    const mailsTo = (address: string, subject: RegExp) =>
      smtp.received.filter((mail) => mail.to.includes(address) && subject.test(mail.subject));

    /** The first e-mail to an address whose subject matches, once it has arrived. */
    async function mailTo(address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
      const started = Date.now();
      for (;;) {
        const [found] = mailsTo(address, subject);
        if (found) return found;
        if (Date.now() - started > timeoutMs) {
          const seen = smtp.received.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('\n');
          throw new Error(
            `no e-mail to ${address} matching ${subject} within ${timeoutMs} ms; received:\n${seen}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    /**
     * Asks for a password reset and waits for its e-mail. The worker sends the outbox in the order
     * messages were written, so once this one has arrived, every message written before it has
     * been sent: what has not arrived by then was never written.
     */
    async function resetMailAfterTheRest(address: string, count: number): Promise<ReceivedMail> {
      const response = await fetch(`${platform.baseUrl}/reset`, {
        method: 'POST',
        headers: { origin: platform.baseUrl },
        body: new URLSearchParams({ email: address }),
      });
      expect(response.status).toBeLessThan(400);
      const started = Date.now();
      const subject = /mot de passe|password|Passwort/i;
      while (mailsTo(address, subject).length < count) {
        if (Date.now() - started > 15_000) throw new Error(`no reset e-mail #${count} to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return mailsTo(address, subject)[count - 1]!;
    }

    /** Signs in again in a browser that keeps its cookies but whose session ended. */
    async function signInAgain(page: Page, email: string): Promise<void> {
      await page.context().clearCookies({ name: 'atelier_session' });
      await page.goto(`${platform.baseUrl}/login`, { waitUntil: 'networkidle' });
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    }

    const alertCheckbox = (page: Page) => page.locator('input[type="checkbox"][name="new_device_sign_in"]');

    beforeAll(async () => {
      smtp = await startSmtpServer();
      platform = await startPlatform({ env: { SMTP_URL: smtp.url } });
      chromium = await launchBrowser();
    });
    afterAll(async () => {
      await chromium?.close();
      expect(await platform?.stop()).toBe(0);
      await smtp?.close();
    });

    it('tells an opted-in person of a sign-in from a new browser once, in their language, and no one else', async () => {
      // Off by default: the company's first browser signs in, then asks for the alert in English.
      first = await signedInContext(chromium, platform, DEMO.company);
      await first.page.goto(`${platform.baseUrl}/account/notifications`, { waitUntil: 'networkidle' });
      await expect(alertCheckbox(first.page).isChecked()).resolves.toBe(false);
      await alertCheckbox(first.page).check();
      await first.page.getByLabel('Langue des e-mails').selectOption('en');
      await first.page.getByRole('button', { name: 'Enregistrer' }).click();
      await first.page.getByText('Vos choix sont enregistrés.').waitFor();
      await first.page.reload({ waitUntil: 'networkidle' });
      await expect(alertCheckbox(first.page).isChecked()).resolves.toBe(true);

      // A new browser (its own cookies), in German: the e-mail follows the person's language.
      const second = await signedInContext(chromium, platform, DEMO.company, { locale: 'de-DE' });
      alert = await mailTo(DEMO.company, NEW_DEVICE_EN);
      expect(alert.text).toMatch(
        /Someone signed in to your Atelier account on \w+ \d{1,2}, 20\d\d at \d{1,2}:\d\d/,
      );
      expect(alert.text).toContain('from a device you had not used before: Chrome on Linux');
      // The address with its host part hidden; nothing more precise.
      expect(alert.text).toContain('approximate network address 127.0.0.x.');
      expect(alert.text).not.toContain('127.0.0.1');
      expect(alert.text).toContain(`See my sessions: ${platform.baseUrl}/account/sessions`);
      expect(alert.html).toContain(`href="${platform.baseUrl}/account/sessions"`);
      expect(alert.headers.get('content-language')).toBe('en');

      // The same browser signs in again: a known device, nothing sent. Someone who did not ask
      // signs in from a new browser: nothing sent either.
      await signInAgain(second.page, DEMO.company);
      const facilitator = await signedInContext(chromium, platform, DEMO.facilitator);
      await resetMailAfterTheRest(DEMO.company, 1);
      await resetMailAfterTheRest(DEMO.facilitator, 1);
      expect(mailsTo(DEMO.company, NEW_DEVICE_EN)).toHaveLength(1);
      expect(mailsTo(DEMO.facilitator, NEW_DEVICE_ANY)).toHaveLength(0);

      // The alert's page lists the sessions and signs the others out.
      await second.page.goto(`${platform.baseUrl}/account/sessions`, { waitUntil: 'networkidle' });
      await second.page.locator('form[action="?/others"] button').click();
      await second.page.getByRole('status').waitFor();
      await first.page.goto(`${platform.baseUrl}/account/notifications`);
      await first.page.waitForURL(/\/login\?redirectTo=/);
      await Promise.all([second.context.close(), facilitator.context.close()]);
    });

    it('announces one-click unsubscribing on a non-essential e-mail only', async () => {
      expect(alert).toBeDefined();
      const unsubscribe = alert!.headers.get('list-unsubscribe') ?? '';
      expect(unsubscribe).toMatch(new RegExp(`^<${platform.baseUrl}/unsubscribe/[^>]+>$`));
      expect(alert!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(alert!.text).toContain(unsubscribe.slice(1, -1));

      const reset = mailsTo(DEMO.company, /password/i)[0]!;
      expect(reset.headers.has('list-unsubscribe')).toBe(false);
      expect(reset.headers.has('list-unsubscribe-post')).toBe(false);
    });

    it('unsubscribes by a one-click POST without a session or an Origin, twice alike; other routes still refuse cross-site forms', async () => {
      const url = /^<([^>]+)>$/.exec(alert!.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
      // What a mail provider sends (RFC 8058): a multipart form, no cookie; no Origin, then its own.
      const oneClick = (headers: Record<string, string>) => {
        const body = new FormData();
        body.set('List-Unsubscribe', 'One-Click');
        return fetch(url, { method: 'POST', headers, body, redirect: 'manual' });
      };
      const firstPost = await oneClick({});
      expect(firstPost.status).toBe(200);
      const again = await oneClick({ origin: 'https://mail.provider.example' });
      expect(again.status).toBe(200);

      // The choice is off on the person's preferences page.
      const page = await signedInContext(chromium, platform, DEMO.company);
      await page.page.goto(`${platform.baseUrl}/account/notifications`, { waitUntil: 'networkidle' });
      await expect(alertCheckbox(page.page).isChecked()).resolves.toBe(false);

      // And a new browser now signs in without any alert.
      const third = await signedInContext(chromium, platform, DEMO.company);
      await resetMailAfterTheRest(DEMO.company, 2);
      expect(mailsTo(DEMO.company, NEW_DEVICE_ANY)).toHaveLength(1);

      // A forged token is refused (the page, as a browser without JavaScript gets it), and every
      // other route keeps the cross-site check.
      const forged = await fetch(`${platform.baseUrl}/unsubscribe/not-a-token`, {
        method: 'POST',
        headers: { accept: 'text/html' },
        body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      });
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain("Ce lien de désabonnement n'est pas valable.");
      const login = await fetch(`${platform.baseUrl}/login`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: new URLSearchParams({ email: DEMO.company, password: DEMO_PASSWORD }),
        redirect: 'manual',
      });
      expect(login.status).toBe(403);
      const noOrigin = await fetch(`${platform.baseUrl}/reset`, {
        method: 'POST',
        body: new URLSearchParams({ email: DEMO.company }),
      });
      expect(noOrigin.status).toBe(403);
      await Promise.all([page.context.close(), third.context.close(), first.context.close()]);
    });
  },
);
