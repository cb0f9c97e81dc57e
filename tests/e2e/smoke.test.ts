import { DEMO_PASSWORD } from '@atelier/db';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';

const browser = browserAvailability();

describe.skipIf(!browser.available)('the platform in Chromium', () => {
  let platform: Platform;
  let browserProcess: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    platform = await startPlatform();
    browserProcess = await launchBrowser();
    context = await browserProcess.newContext({ locale: 'fr-FR' });
  });
  afterAll(async () => {
    await browserProcess?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('serves the home page in French by default', async () => {
    const page = await context.newPage();
    await page.goto(platform.baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Co-construire');
    await page.close();
  });

  it('signs the facilitator in and shows the workshop list', async () => {
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill('facilitator@atelier.example');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${platform.baseUrl}/workshops`);
    const titles = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(titles).toContain('Compétences industrielles du Nord lorrain — feuille de route 100 jours');
    expect(titles).toContain('Mobilités Metz–Thionville–Luxembourg : diagnostic');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'atelier_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    await page.close();
  });

  it('refuses a wrong password with one message and no session', async () => {
    const fresh = await browserProcess.newContext({ locale: 'fr-FR' });
    const page = await fresh.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    // Hydrated first: under load, a click during hydration can be lost (see signedInContext).
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Adresse e-mail').fill('facilitator@atelier.example');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'E-mail ou mot de passe incorrect',
    );
    expect((await fresh.cookies()).some((cookie) => cookie.name === 'atelier_session')).toBe(false);
    await fresh.close();
  });

  it('switches the interface to German and remembers it', async () => {
    const page = await context.newPage();
    await page.goto(platform.baseUrl);
    await page.getByLabel('Langue').selectOption('de');
    await page.getByRole('button', { name: 'Changer' }).click();
    await page.waitForLoadState('load');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.goto(`${platform.baseUrl}/workshops`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Meine Workshops');
    await page.close();
  });
});
