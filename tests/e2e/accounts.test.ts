import { DEMO_PASSWORD } from '@atelier/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';

const browser = browserAvailability();

/** Issue 3: accounts, workshops, invitations, roles — through the built app in Chromium. */
describe.skipIf(!browser.available)('accounts, workshops and invitations in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: BrowserContext;
  let workshopUrl = '';
  let invitationLink = '';
  let steelTarget = '';

  async function signedIn(email: string): Promise<BrowserContext> {
    const context = await chromium.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    // On a busy machine a click on a page still settling can be lost: wait until idle, retry.
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${platform.baseUrl}/login`, { waitUntil: 'networkidle' });
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      try {
        await page.waitForURL(`${platform.baseUrl}/workshops`, { timeout: 30_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await page.close();
    return context;
  }

  /** A form post as the browser of a context would send it (same origin), without the page's JavaScript. */
  async function post(context: BrowserContext, path: string, form: Record<string, string>, origin?: string) {
    return context.request.post(`${platform.baseUrl}${path}`, {
      form,
      // A browser's plain form post: HTML wanted, so SvelteKit answers with the page's status.
      headers: { origin: origin ?? platform.baseUrl, accept: 'text/html' },
      maxRedirects: 0,
    });
  }

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = await signedIn('facilitator@atelier.example');
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('lets the facilitator create a workshop and an invitation for a named organisation', async () => {
    const page = await facilitator.newPage();
    await page.goto(`${platform.baseUrl}/workshops`);
    await page.getByRole('link', { name: 'Nouvel atelier' }).click();
    await page.getByLabel('Titre').fill('Atelier <b>soudure</b> & maintenance');
    await page.getByLabel('Description').fill('Besoins en soudeurs de la vallée de la Fensch.');
    await page.getByLabel('Date et heure').fill('2026-12-10T09:30');
    await page.getByRole('button', { name: "Créer l'atelier" }).click();
    await page.waitForURL(/\/workshops\/[0-9a-f-]{36}\/settings$/);
    workshopUrl = page.url().replace(/\/settings$/, '');
    // The title is shown as typed: the markup is text, not HTML.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Atelier <b>soudure</b> & maintenance',
    );

    await page.getByRole('button', { name: "Passer à l'état « Programmé »" }).click();
    await page.getByText('Statut actuel : Programmé').waitFor();

    await page.getByRole('link', { name: 'Invitations' }).click();
    steelTarget =
      (await page
        .locator('#inv-target option', { hasText: 'Aciéries de la Fensch' })
        .getAttribute('value')) ?? '';
    await page.getByLabel('Pour', { exact: true }).selectOption(steelTarget);
    await page.getByLabel("Nombre maximal d'utilisations").fill('1');
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    invitationLink = await page.getByLabel("Lien d'invitation").inputValue();
    expect(invitationLink).toMatch(/\/invite\/[a-z2-7]{32}$/);
    const row = page.getByRole('row').filter({ hasText: 'Aciéries de la Fensch' });
    await expect(row.textContent()).resolves.toContain('0 sur 1');
    await page.close();
  });

  it('lets a new person sign up through the link and land in the workshop as a participant', async () => {
    const newcomer = await chromium.newContext({ locale: 'fr-FR' });
    const page = await newcomer.newPage();
    await page.goto(invitationLink);
    await page.getByRole('main').getByRole('link', { name: 'Créer un compte' }).click();
    await page.getByLabel('Adresse e-mail').fill('nadia.soudure@example.org');
    await page.getByLabel('Nom affiché').fill('Nadia Soudure');
    await page.getByLabel('Mot de passe').fill('azertyuiop');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // A common password is refused next to its field, and nothing is created.
    await expect(page.locator('#password-error').textContent()).resolves.toContain('trop courant');
    await page.getByLabel('Mot de passe').fill('Hauts-fourneaux-2026');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // The invitation leads to the workshop's live room; the seat is on its overview page.
    await page.waitForURL(workshopUrl);
    await page.goto(`${workshopUrl}/about`);
    await page.getByText('Votre rôle : Participant·e').waitFor();

    // The link was for one use: a second newcomer gets a clear page, not a stack trace.
    const late = await chromium.newContext({ locale: 'fr-FR' });
    const latePage = await late.newPage();
    const response = await latePage.goto(invitationLink);
    expect(response?.status()).toBe(410);
    await expect(latePage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Invitation inutilisable',
    );
    await late.close();
    await newcomer.close();
  });

  it('shows the newcomer in the facilitator’s member list, for the named organisation', async () => {
    const page = await facilitator.newPage();
    await page.goto(`${workshopUrl}/members`);
    const row = page.getByRole('row').filter({ hasText: 'Nadia Soudure' });
    await expect(row.textContent()).resolves.toMatch(/Participant·e.*Aciéries de la Fensch/);
    await page.goto(`${workshopUrl}/invitations`);
    await expect(page.getByRole('row').filter({ hasText: 'Aciéries' }).textContent()).resolves.toContain(
      'Épuisée',
    );
    await page.close();
  });

  it('shows a clear page for a revoked link, and the audit log to administrators only', async () => {
    const page = await facilitator.newPage();
    await page.goto(`${workshopUrl}/invitations`);
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    const link = await page.getByLabel("Lien d'invitation").inputValue();
    await page
      .getByRole('row')
      .filter({ hasText: 'Toute organisation' })
      .getByRole('button', { name: 'Révoquer' })
      .click();
    await page.getByText('Invitation révoquée.').waitFor();
    const stranger = await chromium.newContext({ locale: 'fr-FR' });
    const strangerPage = await stranger.newPage();
    expect((await strangerPage.goto(link))?.status()).toBe(410);
    await expect(strangerPage.locator('main').textContent()).resolves.toContain('révoqué');
    await stranger.close();

    expect((await page.goto(`${platform.baseUrl}/admin/audit`))?.status()).toBe(403);
    await page.close();
    const admin = await signedIn('admin@atelier.example');
    const adminPage = await admin.newPage();
    await adminPage.goto(`${platform.baseUrl}/admin/audit`);
    const actions = await adminPage.locator('tbody tr td:nth-child(3)').allTextContents();
    for (const action of [
      'workshop.created',
      'invitation.created',
      'workshop.member_joined',
      'invitation.revoked',
    ]) {
      expect(actions).toContain(action);
    }
    // Administrators reach workshops where they have no seat from their list.
    await adminPage.goto(`${platform.baseUrl}/workshops`);
    await adminPage.getByRole('link', { name: 'Atelier <b>soudure</b> & maintenance' }).click();
    await adminPage.waitForURL(workshopUrl);
    await admin.close();
  });

  it('signs the other browsers out from the sessions page', async () => {
    const laptop = await signedIn('observer@atelier.example');
    const phone = await signedIn('observer@atelier.example');
    const page = await phone.newPage();
    await page.goto(`${platform.baseUrl}/account/sessions`);
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Me déconnecter partout ailleurs' }).click();
    await page.getByText(/autre\(s\) session\(s\) fermée\(s\)/).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    const stale = await laptop.newPage();
    await stale.goto(`${platform.baseUrl}/workshops`);
    expect(new URL(stale.url()).pathname).toBe('/login');
    await laptop.close();
    await phone.close();
  });

  it('keeps a member of other workshops out of this one, through every route (404, nothing changes)', async () => {
    const outsider = await signedIn('school@atelier.example');
    const page = await outsider.newPage();
    for (const path of ['', '/members', '/settings', '/invitations']) {
      const response = await page.goto(`${workshopUrl}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    const id = workshopUrl.split('/').at(-1)!;
    const attempts = [
      ['/settings?/update', { title: 'Pris', description: '', startsAt: '', territory: 'x', agenda: '' }],
      ['/settings?/status', { to: 'live' }],
      ['/members?/member', { email: 'school@atelier.example', role: 'facilitator', organisationId: id }],
      ['/invitations?/create', { role: 'facilitator', target: 'any', expiresInDays: '5', maxUses: '5' }],
    ] as const;
    for (const [path, form] of attempts) {
      const response = await post(outsider, `/workshops/${id}${path}`, form);
      expect(response.status(), path).toBe(404);
    }
    // Crafted ids answer 404, not 500.
    for (const path of ['/workshops/not-a-uuid', '/workshops/00000000-0000-0000-0000-000000000000/members']) {
      expect((await page.goto(`${platform.baseUrl}${path}`))?.status(), path).toBe(404);
    }
    const steelId = steelTarget.replace('org:', '');
    expect((await page.goto(`${platform.baseUrl}/organisations/${steelId}`))?.status()).toBe(404);
    const rename = await post(outsider, `/organisations/${steelId}?/update`, {
      kind: 'company',
      name: 'Volée',
      siren: '',
      communeCode: '57463',
    });
    expect(rename.status()).toBe(404);
    // A participant of a workshop cannot manage it either (403, the workshop is readable to them).
    const company = await signedIn('company@atelier.example');
    const refused = await post(company, `/workshops/${id}/settings?/status`, { to: 'live' });
    expect([403, 404]).toContain(refused.status());
    await company.close();
    await outsider.close();

    const check = await facilitator.newPage();
    await check.goto(`${workshopUrl}/settings`);
    await check.getByText('Statut actuel : Programmé').waitFor();
    await expect(check.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('soudure');
    await check.close();
  });

  it('refuses a cross-site form post', async () => {
    const id = workshopUrl.split('/').at(-1)!;
    const response = await post(
      facilitator,
      `/workshops/${id}/settings?/status`,
      { to: 'live' },
      'https://evil.example',
    );
    expect(response.status()).toBe(403);
  });

  it('explains bad organisation input next to each field and keeps names as text', async () => {
    const page = await facilitator.newPage();
    await page.goto(`${platform.baseUrl}/organisations/new`);
    await page.getByLabel("Type d'organisation").selectOption('company');
    await page.getByLabel("Nom de l'organisation").fill('   ');
    await page.getByLabel('SIREN (facultatif)').fill('123 456 789');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await expect(page.locator('#name-error').textContent()).resolves.toContain('obligatoire');
    await expect(page.locator('#siren-error').textContent()).resolves.toContain("n'est pas valide");
    await expect(page.locator('#communeCode-error').textContent()).resolves.toContain('obligatoire');
    // The metropole kind is not offered to a facilitator.
    await expect(page.locator('#kind option[value="metropole"]').count()).resolves.toBe(0);

    // Posted by hand: an unknown commune, an overlong name, a reserved kind are refused too.
    for (const form of [
      { kind: 'company', name: 'Forge', siren: '', communeCode: '75056' },
      { kind: 'company', name: 'x'.repeat(201), siren: '', communeCode: '57463' },
      { kind: 'metropole', name: 'Fausse métropole', siren: '', communeCode: '57463' },
    ]) {
      expect((await post(facilitator, '/organisations/new', form)).status(), form.name).toBe(400);
    }

    await page.getByLabel("Nom de l'organisation").fill('<img src=x onerror=alert(1)>Forge');
    await page.getByLabel('SIREN (facultatif)').fill('200 039 865');
    await page.getByLabel('Commune du site principal').selectOption('57463');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '<img src=x onerror=alert(1)>Forge',
    );
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await page.close();
  });

  it('lets a signed-in person answer an invitation by kind by creating the organisation it asks for', async () => {
    const page = await facilitator.newPage();
    await page.goto(`${workshopUrl}/invitations`);
    await page.getByLabel('Rôle').selectOption('observer');
    await page.getByLabel('Pour', { exact: true }).selectOption('kind:training_body');
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    const link = await page.getByLabel("Lien d'invitation").inputValue();
    await page.close();

    const company = await signedIn('company@atelier.example');
    const invited = await company.newPage();
    await invited.goto(link);
    await invited.getByRole('link', { name: 'Créer une organisation pour la représenter' }).click();
    await invited.getByLabel("Nom de l'organisation").fill('Campus des métiers de Hayange (fictif)');
    await invited.getByLabel('Commune du site principal').selectOption('57306');
    await invited.getByRole('button', { name: "Créer l'organisation" }).click();
    await invited.waitForURL(link);
    await invited
      .getByLabel('Organisation que vous représentez')
      .selectOption({ label: 'Campus des métiers de Hayange (fictif)' });
    await invited.getByRole('button', { name: "Rejoindre l'atelier" }).click();
    await invited.waitForURL(workshopUrl);
    await invited.goto(`${workshopUrl}/about`);
    await invited.getByText('Votre rôle : Observateur·rice').waitFor();
    await company.close();
  });

  it('deletes an account: the person can no longer sign in', async () => {
    const context = await chromium.newContext({ locale: 'fr-FR' });
    const page: Page = await context.newPage();
    await page.goto(`${platform.baseUrl}/signup`, { waitUntil: 'networkidle' });
    await page.getByLabel('Adresse e-mail').fill('depart@example.org');
    await page.getByLabel('Nom affiché').fill('Départ');
    await page.getByLabel('Mot de passe').fill('Au-revoir-Metz-57');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(`${platform.baseUrl}/workshops`);
    const exported = await context.request.get(`${platform.baseUrl}/account/export`);
    expect(await exported.json()).toMatchObject({ account: { email: 'depart@example.org' } });
    await page.goto(`${platform.baseUrl}/account/delete`);
    await page.getByLabel('Votre mot de passe, pour confirmer').fill('Au-revoir-Metz-57');
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await page.waitForURL(`${platform.baseUrl}/?deleted=1`);
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill('depart@example.org');
    await page.getByLabel('Mot de passe').fill('Au-revoir-Metz-57');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'E-mail ou mot de passe incorrect',
    );
    await context.close();
  });
});
