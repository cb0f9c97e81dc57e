import AxeBuilder from '@axe-core/playwright';
import { needs, roomName } from '@atelier/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type * as Y from 'yjs';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import {
  DEMO,
  documentClient,
  DEMO_WORKSHOPS,
  openRoom,
  signedInContext,
  workshopPath,
} from '../support/room.ts';

const browser = browserAvailability();

const HEADER = 'rome_code;title;headcount;horizon_months;commune;contract;difficulty;cross_border;comment';
const LINES = [
  'H2913;Soudeurs TIG contribution;4;12;57221;cdi;3;oui;Florange',
  'H2902;Chaudronniers contribution;2;6;57672;cdd;2;non;',
  'H2909;Monteurs contribution;3;12;57206;apprenticeship;2;non;',
  'N1103;Préparateurs contribution;5;3;57463;interim;1;non;',
  'M1805;Développeurs contribution;1;18;57480;cdi;4;oui;Luxembourg',
];
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n', 'utf8');

/** Issue 9: calls for contributions, contributing, moderation and notifications — in Chromium. */
describe.skipIf(!browser.available)('asynchronous contributions with moderation in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: { context: BrowserContext; page: Page };
  let company: { context: BrowserContext; page: Page };
  let observer: { context: BrowserContext; page: Page };
  let roomPath = '';
  let workshopId = '';
  let callId = '';
  let invitationLink = '';

  /** Serious and critical axe violations of the page, at a phone and a laptop size. */
  async function accessibilityProblems(page: Page): Promise<string[]> {
    const problems: string[] = [];
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        problems.push(
          `${viewport.width}: ${violation.id} ${violation.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        );
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      if (overflow) {
        const widest = await page.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        problems.push(`${viewport.width}: the page scrolls sideways (${widest.join(', ')})`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    return problems;
  }

  /** The content document as the realtime server holds it, read by a Node client with a person's cookie. */
  async function readContent(context: BrowserContext): Promise<{ doc: Y.Doc; close: () => void }> {
    const { doc, provider } = await documentClient({
      context,
      platform,
      room: roomName(workshopId, 'content'),
    });
    return { doc, close: () => provider.destroy() };
  }

  /** Opens a page and waits until its scripts are in (forms enhanced, hydrated), so no input is lost. */
  async function go(page: Page, url: string) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }

  async function createCall(page: Page, title: string, closesAt?: string) {
    await go(page, `${platform.baseUrl}/workshops/${workshopId}/calls`);
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel("Texte de l'appel").fill('Vos besoins <b>2027</b>.');
    await page.getByRole('checkbox', { name: 'Entreprise', exact: true }).check();
    if (closesAt) await page.getByLabel('Clôture').fill(closesAt);
    await Promise.all([
      page.waitForURL(/\/calls\?created=/),
      page.getByRole('button', { name: "Ouvrir l'appel" }).click(),
    ]);
    return new URL(page.url()).searchParams.get('created') ?? '';
  }

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = await signedInContext(chromium, platform, DEMO.facilitator);
    company = await signedInContext(chromium, platform, DEMO.company);
    observer = await signedInContext(chromium, platform, DEMO.observer);
    roomPath = await workshopPath(facilitator.page, platform, DEMO_WORKSHOPS.live);
    workshopId = roomPath.split('/').at(-1) ?? '';
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('lets the facilitator open a call for companies in the live workshop', async () => {
    callId = await createCall(facilitator.page, 'Besoins en compétences — hiver');
    expect(callId).toMatch(/^[0-9a-f-]{36}$/);
    const row = facilitator.page.locator(`tr[data-call-id="${callId}"]`);
    await expect(row.textContent()).resolves.toContain('Ouvert');

    // An invitation link for companies that leads to the call.
    const page = facilitator.page;
    await go(page, `${platform.baseUrl}/workshops/${workshopId}/invitations`);
    await page.getByLabel('Pour', { exact: true }).selectOption('kind:company');
    await page.getByLabel("Mène à l'appel à contributions").selectOption(callId);
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    invitationLink = await page.getByLabel("Lien d'invitation").inputValue();
    expect(invitationLink).toMatch(/\/invite\/[a-z2-7]{32}$/);
  });

  it('takes five needs from a CSV after the bad line is fixed, and submits them', async () => {
    const { page } = company;
    await go(page, `${platform.baseUrl}/contribute`);
    await page.getByRole('link', { name: 'Besoins en compétences — hiver' }).waitFor();
    // The company representative, already seated, opens the call through the invitation link.
    await go(page, invitationLink);
    await page.getByRole('link', { name: "Ouvrir l'appel à contributions" }).click();
    await page.waitForURL(`${platform.baseUrl}/contribute/${callId}`);
    await page.waitForLoadState('networkidle');
    // The call's text is shown as text.
    await page.getByText('Vos besoins <b>2027</b>.').waitFor();

    const bad = [...LINES];
    bad[2] = 'H2909;Monteurs contribution;beaucoup;12;57206;apprenticeship;2;non;';
    await page.getByLabel('Importer des besoins depuis un fichier CSV').setInputFiles({
      name: 'besoins.csv',
      mimeType: 'text/csv',
      buffer: csv(bad),
    });
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    const report = page.getByTestId('csv-report');
    await report.getByText('Lignes acceptées : 4. Lignes refusées : 1.').waitFor();
    const refused = report.locator('li[data-line="4"]');
    await expect(refused.textContent()).resolves.toBe(
      "Ligne 4, colonne « headcount » : « beaucoup » n'est pas un nombre entier.",
    );
    await expect(page.locator('fieldset.need-row').count()).resolves.toBe(4);

    await page.getByLabel('Importer des besoins depuis un fichier CSV').setInputFiles({
      name: 'besoins-corrige.csv',
      mimeType: 'text/csv',
      buffer: csv(LINES),
    });
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await report.getByText('Lignes acceptées : 5. Lignes refusées : 0.').waitFor();
    await expect(page.locator('fieldset.need-row').count()).resolves.toBe(5);
    await expect(page.locator('#c-needs-needs-2-title').inputValue()).resolves.toBe('Monteurs contribution');

    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Contribution envoyée.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('accepts four needs and refuses one with a reason; the four reach the live room within two seconds', async () => {
    await openRoom(observer.page, platform, roomPath, 'needs');
    // The company watches its notification centre meanwhile: it fills without a reload.
    const notifications = company.page;
    await go(notifications, `${platform.baseUrl}/notifications`);
    // The demo's company has notifications already (one with a reason): count what this adds.
    const reasonsBefore = await notifications.getByTestId('reason').count();
    const unreadBefore = await headerCount(notifications);
    const { page } = facilitator;
    await go(page, `${platform.baseUrl}/workshops/${workshopId}/calls/moderation`);
    const item = page.locator('article[data-contribution-id]').filter({ hasText: 'Aciéries' }).first();
    await expect(item.textContent()).resolves.toContain('Sophie Entreprise');
    await expect(item.locator('tbody tr').count()).resolves.toBe(5);
    expect(await accessibilityProblems(page)).toEqual([]);
    await item.getByRole('checkbox', { name: 'Accepter le besoin « Développeurs contribution »' }).uncheck();
    await item
      .getByLabel('Motif pour les besoins décochés')
      .fill('Poste déjà couvert par <Pôle emploi> & co.');
    const started = Date.now();
    await item.getByRole('button', { name: 'Accepter', exact: true }).click();
    const titles = [
      'Soudeurs TIG contribution',
      'Chaudronniers contribution',
      'Monteurs contribution',
      'Préparateurs contribution',
    ];
    const room = observer.page.locator('main');
    for (const title of titles)
      await room
        .getByText(title)
        .first()
        .waitFor({ timeout: 2_000 - (Date.now() - started) });
    console.log(
      `contributions: four accepted needs shown in the observer's room ${Date.now() - started} ms after the click`,
    );
    await expect(room.getByText('Développeurs contribution').count()).resolves.toBe(0);
    await page.getByText("Contribution acceptée et intégrée à l'atelier.").waitFor();

    // Provenance in the document: contribution, contributor and organisation on each merged need.
    const content = await readContent(observer.context);
    const merged = needs.read(content.doc).filter((need) => titles.includes(need.title));
    content.close();
    expect(merged).toHaveLength(4);
    expect(new Set(merged.map((need) => need.contributionId)).size).toBe(1);
    expect(merged.every((need) => need.contributorId && need.organisationId)).toBe(true);
    // In the room, each merged need names its contributor and is highlighted with a text badge.
    const mergedRow = room.locator('tr', { hasText: 'Soudeurs TIG contribution' }).first();
    await expect(mergedRow.getByTestId('need-provenance').textContent()).resolves.toContain(
      'Sophie Entreprise',
    );
    await expect(mergedRow.getByTestId('need-fresh').textContent()).resolves.toContain(
      'contribution acceptée',
    );

    await notifications
      .getByTestId('notifications-link')
      .filter({ hasText: `Notifications (${unreadBefore + 2})` })
      .waitFor();
    await expect.poll(() => notifications.getByTestId('reason').count()).toBe(reasonsBefore + 1);
    await expect(notifications.getByTestId('reason').first().textContent()).resolves.toBe(
      'Poste déjà couvert par <Pôle emploi> & co.',
    );
    await notifications.getByText('Besoins refusés : Développeurs contribution').waitFor();
  });

  it('submits a contribution written offline once the connection is back', async () => {
    const { page, context } = company;
    await go(page, `${platform.baseUrl}/contribute/${callId}`);
    await page.locator('#c-needs-needs-0-romeCode').fill('H2913');
    await page.locator('#c-needs-needs-0-title').fill('Soudeurs hors ligne');
    await page.locator('#c-needs-needs-0-communeCode').fill('57463');
    await context.setOffline(true);
    onTestFinished(() => context.setOffline(false));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Vous êtes hors ligne : la contribution sera envoyée').waitFor();
    const keys = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('atelier.contribution.')),
    );
    const draft = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}'),
      keys.find((key) => key.endsWith('.needs')) ?? '',
    );
    expect(draft).toMatchObject({ pending: 'submit', values: { 'needs.0.title': 'Soudeurs hors ligne' } });
    await context.setOffline(false);
    await page.getByText('Contribution envoyée.').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('pending').count()).resolves.toBe(0);
  });

  it('merges once when two facilitators accept the same contribution at the same moment', async () => {
    const second = await signedInContext(chromium, platform, DEMO.facilitator);
    const pages = [facilitator.page, second.page];
    for (const page of pages) await go(page, `${platform.baseUrl}/workshops/${workshopId}/calls/moderation`);
    const items = pages.map((page) =>
      page.locator('article[data-contribution-id]').filter({ hasText: 'Soudeurs hors ligne' }),
    );
    const contributionId = (await items[0]!.getAttribute('data-contribution-id')) ?? '';
    await Promise.all(
      items.map((item) => item.getByRole('button', { name: 'Accepter', exact: true }).click()),
    );
    const outcomes = await Promise.all(
      pages.map((page) =>
        page
          .getByText(/Contribution acceptée et intégrée|déjà été modérée/)
          .first()
          .textContent({ timeout: 15_000 }),
      ),
    );
    expect(outcomes.filter((text) => text?.includes('acceptée'))).toHaveLength(1);
    expect(outcomes.filter((text) => text?.includes('déjà été modérée'))).toHaveLength(1);
    const content = await readContent(observer.context);
    const merged = needs.read(content.doc).filter((need) => need.contributionId === contributionId);
    content.close();
    expect(merged.map((need) => need.title)).toEqual(['Soudeurs hors ligne']);
    await second.context.close();
  });

  /** The unread count in a page's header, as shown now. */
  async function headerCount(page: Page): Promise<number> {
    const text = (await page.getByTestId('notifications-link').textContent()) ?? '';
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** Waits until a page's header shows `count` without reloading it; gives the time it took. */
  async function countReaches(page: Page, count: number, since: number): Promise<number> {
    await page
      .getByTestId('notifications-link')
      .filter({ hasText: `(${count})` })
      .waitFor({ timeout: 10_000 });
    return Date.now() - since;
  }

  it('rejects a whole contribution with a reason, which the company reads in its notifications', async () => {
    const { page } = company;
    // Pages left open meanwhile: their header counts follow without a reload.
    const facilitatorTab = await facilitator.context.newPage();
    await go(facilitatorTab, `${platform.baseUrl}/workshops`);
    const companyTab = await company.context.newPage();
    await go(companyTab, `${platform.baseUrl}/contribute`);
    onTestFinished(() => Promise.all([facilitatorTab.close(), companyTab.close()]).then(() => undefined));
    const facilitatorBefore = await headerCount(facilitatorTab);
    const companyBefore = await headerCount(companyTab);
    expect(Number.isInteger(facilitatorBefore) && Number.isInteger(companyBefore)).toBe(true);

    await go(page, `${platform.baseUrl}/contribute/${callId}`);
    await page.locator('#c-needs-needs-0-romeCode').fill('I1304');
    await page.locator('#c-needs-needs-0-title').fill('Techniciens de maintenance');
    await page.locator('#c-needs-needs-0-headcount').fill('0');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    // Refused at the field before anything is sent, then fixed.
    await page.locator('#c-needs-needs-0-headcount[aria-invalid="true"]').waitFor();
    await expect(page.locator('#c-needs-needs-0-headcount-error').textContent()).resolves.toContain(
      '1 à 100 000',
    );
    await page.locator('#c-needs-needs-0-headcount').fill('2');
    await page.locator('#c-needs-needs-0-communeCode').fill('57672');
    const submittedAt = Date.now();
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Contribution envoyée.').waitFor();
    // The facilitator learns that a contribution waits, on the page they have open.
    const toFacilitator = await countReaches(facilitatorTab, facilitatorBefore + 1, submittedAt);
    console.info(
      `unread count live on the facilitator's open page ${toFacilitator} ms after the submit click`,
    );

    const moderation = facilitator.page;
    await go(moderation, `${platform.baseUrl}/workshops/${workshopId}/calls/moderation`);
    const item = moderation
      .locator('article[data-contribution-id]')
      .filter({ hasText: 'Techniciens de maintenance' });
    await item.getByRole('button', { name: 'Refuser' }).click();
    // The reason is required.
    await expect(
      item.getByLabel('Motif du refus').evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing),
    ).resolves.toBe(true);
    await item.getByLabel('Motif du refus').fill('Doublon du besoin déjà saisi en séance.');
    const rejectedAt = Date.now();
    await item.getByRole('button', { name: 'Refuser' }).click();
    await moderation.getByText('Contribution refusée').waitFor();
    // The company's open page counts the new notification and says so to screen readers.
    const toCompany = await countReaches(companyTab, companyBefore + 1, rejectedAt);
    console.info(`unread count live on the company's open page ${toCompany} ms after the reject click`);
    await expect(companyTab.getByTestId('unread-announcement').textContent()).resolves.toContain(
      `${companyBefore + 1} non lue`,
    );

    await go(page, `${platform.baseUrl}/notifications`);
    await page.getByText('Doublon du besoin déjà saisi en séance.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    const readAt = Date.now();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText('Non lues : 0').waitFor();
    // Read in one tab, read in the others.
    await countReaches(companyTab, 0, readAt);
    expect(await headerCount(page)).toBe(0);
  });

  it('lets the facilitator edit a contribution before accepting it', async () => {
    const { page } = company;
    await go(page, `${platform.baseUrl}/contribute/${callId}`);
    await page.locator('#c-needs-needs-0-romeCode').fill('H2913');
    await page.locator('#c-needs-needs-0-title').fill('Électriciens industriels');
    await page.locator('#c-needs-needs-0-communeCode').fill('57206');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Contribution envoyée.').waitFor();

    const moderation = facilitator.page;
    await go(moderation, `${platform.baseUrl}/workshops/${workshopId}/calls/moderation`);
    const item = moderation
      .locator('article[data-contribution-id]')
      .filter({ hasText: 'Électriciens industriels' });
    const contributionId = (await item.getAttribute('data-contribution-id')) ?? '';
    await item.getByRole('link', { name: "Modifier avant d'accepter" }).click();
    await moderation.waitForURL(/\/moderation\/[0-9a-f-]{36}$/);
    await moderation.waitForLoadState('networkidle');
    await moderation.locator('#edit-needs-0-headcount').fill('abc');
    await moderation.getByRole('button', { name: 'Accepter avec ces modifications' }).click();
    await moderation.locator('#edit-needs-0-headcount[aria-invalid="true"]').waitFor();
    await moderation.locator('#edit-needs-0-headcount').fill('6');
    await moderation.getByRole('button', { name: 'Accepter avec ces modifications' }).click();
    await moderation.waitForURL(/\/moderation\?accepted=/);
    await moderation.getByText("Contribution acceptée et intégrée à l'atelier.").waitFor();
    const content = await readContent(observer.context);
    expect(needs.find(content.doc, `${contributionId}-1`)).toMatchObject({
      headcount: 6,
      title: 'Électriciens industriels',
    });
    content.close();
  });

  it('works without JavaScript: errors at the field, then the submission', async () => {
    const context = await chromium.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    await context.addCookies(await company.context.cookies());
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/contribute/${callId}`);
    await page.locator('#c-needs-needs-0-romeCode').fill('H2913');
    await page.locator('#c-needs-needs-0-title').fill('Soudeurs sans script');
    await page.locator('#c-needs-needs-0-headcount').fill('beaucoup');
    await page.locator('#c-needs-needs-0-communeCode').fill('57463');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.locator('#c-needs-needs-0-headcount[aria-invalid="true"]').waitFor();
    await expect(page.locator('#c-needs-needs-0-title').inputValue()).resolves.toBe('Soudeurs sans script');
    await page.locator('#c-needs-needs-0-headcount').fill('3');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Contribution envoyée.').waitFor();
    await context.close();
  });

  it('refuses a submission after the closing date and keeps the draft', async () => {
    // A call that closes a few seconds from now (Paris wall-clock time, to the second).
    const closing = new Date(Date.now() + 8_000);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .format(closing)
      .replace(' ', 'T');
    const shortCall = await createCall(facilitator.page, 'Appel éclair', local);
    const { page } = company;
    await go(page, `${platform.baseUrl}/contribute/${shortCall}`);
    await page.locator('#c-needs-needs-0-romeCode').fill('H2902');
    await page.locator('#c-needs-needs-0-title').fill('Chaudronniers en retard');
    await page.locator('#c-needs-needs-0-communeCode').fill('57672');
    await page.waitForTimeout(Math.max(0, closing.getTime() - Date.now() + 1_000));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText("L'appel est clos : votre contribution n'a pas été envoyée.").waitFor();
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('call-state').textContent()).resolves.toBe('Clos');
    await expect(page.locator('#c-needs-needs-0-title').inputValue()).resolves.toBe(
      'Chaudronniers en retard',
    );
    await go(page, `${platform.baseUrl}/contribute`);
    const row = page.getByRole('row').filter({ hasText: 'Appel éclair' });
    await expect(row.textContent()).resolves.toContain('Brouillon');
  });
});
