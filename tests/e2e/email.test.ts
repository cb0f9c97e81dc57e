// Issue 20 in Chromium against the built app, with a real SMTP server in this process
// (SMTP_URL): a company invited by address gets the e-mail, follows its link, creates its
// account, answers a call by uploading the French CSV of needs, and learns the outcome by e-mail
// and in the app; a forgotten
// password is reset through the e-mailed link, once, closing the other sessions.
import { needsToCsv } from '@atelier/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSmtpServer,
  type ReceivedMail,
  type TestSmtpServer,
} from '../../apps/web/src/lib/server/mail/testing/smtp.ts';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();
const NEWCOMER = 'neu@stahl.example';
const PASSWORD = 'ein langes Passwort für Atelier';

describe.skipIf(!browser.available)('e-mail in Chromium, through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let platform: Platform;
  let chromium: Browser;
  let facilitator: { context: BrowserContext; page: Page };
  let newcomer: { context: BrowserContext; page: Page };
  let workshopId = '';
  let callId = '';

  /** The first e-mail to an address whose subject matches, once it has arrived. */
  async function mailTo(address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
    const started = Date.now();
    for (;;) {
      const found = smtp.received.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
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
  const linkIn = (mail: ReceivedMail, path: RegExp) =>
    new RegExp(`${platform.baseUrl}${path.source}`).exec(mail.text)?.[0] ?? '';
  async function go(page: Page, url: string) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    platform = await startPlatform({
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'Atelier <atelier@metz.example>' },
    });
    chromium = await launchBrowser();
    facilitator = await signedInContext(chromium, platform, DEMO.facilitator);
    workshopId =
      (await workshopPath(facilitator.page, platform, DEMO_WORKSHOPS.live)).split('/').at(-1) ?? '';
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
    await smtp?.close();
  });

  it('tells the companies of a call that opens, by e-mail in their language', async () => {
    const { page } = facilitator;
    await go(page, `${platform.baseUrl}/workshops/${workshopId}/calls`);
    await page.getByLabel('Titre', { exact: true }).fill('Besoins <soudure> 2027');
    await page.getByLabel("Texte de l'appel").fill('Vos besoins en soudage.');
    await page.getByRole('checkbox', { name: 'Entreprise', exact: true }).check();
    await Promise.all([
      page.waitForURL(/\/calls\?created=/),
      page.getByRole('button', { name: "Ouvrir l'appel" }).click(),
    ]);
    callId = new URL(page.url()).searchParams.get('created') ?? '';
    const opened = await mailTo(DEMO.company, /^Appel à contributions ouvert : « Besoins <soudure> 2027 »$/);
    expect(opened.from).toBe('Atelier <atelier@metz.example>');
    expect(linkIn(opened, /\/contribute\/[0-9a-f-]{36}/)).toBe(`${platform.baseUrl}/contribute/${callId}`);
    expect(opened.html).toContain('Besoins &lt;soudure&gt; 2027');
    expect(opened.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\//);
    expect(opened.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('invites a company by address; the link creates the account and leads to the call', async () => {
    const { page } = facilitator;
    await go(page, `${platform.baseUrl}/workshops/${workshopId}/invitations`);
    await page.getByLabel('Pour', { exact: true }).selectOption({ label: 'Moselle Numérique (fictive)' });
    await page.getByLabel('Envoyer à une adresse (facultatif)').fill(NEWCOMER);
    await page.getByLabel("Langue de l'e-mail").selectOption('de');
    await page.getByLabel("Mène à l'appel à contributions").selectOption(callId);
    await page.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    await page.getByText(`L'invitation part par e-mail à ${NEWCOMER}.`).waitFor();

    const invitation = await mailTo(NEWCOMER, /^Einladung zum Workshop „Compétences industrielles/);
    expect(invitation.text).toContain('Moselle Numérique (fictive)');
    expect(invitation.text).toContain('Besoins <soudure> 2027');
    const link = linkIn(invitation, /\/invite\/[a-z2-7]{32}/);
    expect(link).not.toBe('');
    expect(invitation.headers.has('list-unsubscribe')).toBe(false);
    expect(invitation.headers.has('list-unsubscribe-post')).toBe(false);

    // The newcomer reads German: the link, then an account for the invited address.
    const context = await chromium.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
    const newPage = await context.newPage();
    newcomer = { context, page: newPage };
    await go(newPage, link);
    await newPage.locator('a[href^="/signup?invitation="]').click();
    await newPage.waitForURL(/\/signup\?invitation=/);
    await newPage.waitForLoadState('networkidle');
    await newPage.getByText(`Ihr Konto wird für die Adresse ${NEWCOMER} angelegt`).waitFor();
    await newPage.getByLabel('Angezeigter Name').fill('Nina Neu');
    await newPage.getByLabel('Passwort').fill(PASSWORD);
    await newPage.getByRole('button', { name: 'Mein Konto erstellen' }).click();
    await newPage.waitForURL(`${platform.baseUrl}/contribute/${callId}`);
  });

  it('takes the newcomer’s answer as the French CSV, and tells the outcome by e-mail and in the app', async () => {
    const { page } = newcomer;
    await page.waitForLoadState('networkidle');
    // The template's layout (French columns and values, UTF-8 with its mark, ';'), as a company
    // fills it in a spreadsheet: the domain's writer of the downloadable template.
    const csv = needsToCsv([
      {
        occupation: 'Soudeur / Soudeuse Tungsten Inert Gas -TIG-',
        need: {
          romeCode: 'H2913',
          title: 'Schweißer für Nina',
          skills: ['TIG', 'lecture de plans'],
          headcount: 2,
          horizonMonths: 9,
          communeCode: '57463',
          contract: 'cdd',
          difficulty: 3,
          crossBorder: true,
          comment: 'Grenzgänger willkommen',
        },
      },
    ]);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFMétier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier;Compétences;Commentaire',
    );
    await page
      .locator('#c-needs-csv')
      .setInputFiles({ name: 'besoins-nina.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('form[action="?/csv"] button[type="submit"]').click();
    await page.getByTestId('csv-report').getByText('Angenommene Zeilen: 1. Abgelehnte Zeilen: 0.').waitFor();
    await expect(page.locator('fieldset.need-row').count()).resolves.toBe(1);
    await expect(page.locator('#c-needs-needs-0-title').inputValue()).resolves.toBe('Schweißer für Nina');
    await expect(page.locator('#c-needs-needs-0-communeCode').inputValue()).resolves.toBe('Metz (57463)');
    await page.getByRole('button', { name: 'Einreichen', exact: true }).click();
    await page.getByText('Beitrag eingereicht.').waitFor();

    const moderation = facilitator.page;
    await go(moderation, `${platform.baseUrl}/workshops/${workshopId}/calls/moderation`);
    const item = moderation
      .locator('article[data-contribution-id]')
      .filter({ hasText: 'Schweißer für Nina' });
    // What the file said reached the facilitator: its commune and skills.
    await expect(item.textContent()).resolves.toMatch(/Metz/);
    await expect(item.textContent()).resolves.toContain('lecture de plans');
    await item.getByRole('button', { name: 'Accepter', exact: true }).click();
    await moderation.getByText("Contribution acceptée et intégrée à l'atelier.").waitFor({ timeout: 15_000 });

    const outcome = await mailTo(NEWCOMER, /^Ihr Beitrag zu „Besoins <soudure> 2027“ wurde angenommen$/);
    expect(linkIn(outcome, /\/notifications/)).toBe(`${platform.baseUrl}/notifications`);
    await go(page, `${platform.baseUrl}/notifications`);
    await page.getByText('Besoins <soudure> 2027').first().waitFor();
    await expect(page.locator('li[data-kind="contribution_accepted"]').count()).resolves.toBe(1);
  });

  it('resets a forgotten password by e-mail, once, closing the other sessions, and answers alike for unknown addresses', async () => {
    const context = await chromium.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await go(page, `${platform.baseUrl}/reset`);
    await page.getByLabel('E-Mail-Adresse').fill('niemand@stahl.example');
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    const answer = await page.getByRole('status').textContent();
    expect(answer).toContain('Falls für diese Adresse ein Konto besteht');

    await go(page, `${platform.baseUrl}/reset`);
    await page.getByLabel('E-Mail-Adresse').fill(NEWCOMER);
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    expect(await page.getByRole('status').textContent()).toBe(answer);

    const mail = await mailTo(NEWCOMER, /^Ihr Atelier-Passwort zurücksetzen$/);
    const link = linkIn(mail, /\/reset\/[a-z2-7]{32}/);
    await go(page, link);
    await page.getByLabel('Neues Passwort').fill('ein neues langes Passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.waitForURL(`${platform.baseUrl}/workshops`);

    // The newcomer's other browser was signed out.
    await newcomer.page.goto(`${platform.baseUrl}/notifications`);
    await newcomer.page.waitForURL(/\/login\?redirectTo=/);
    // The link works once.
    await go(page, link);
    await page.getByText('Dieser Link funktioniert nicht mehr').waitFor();
    expect(smtp.received.filter((m) => m.to.includes('niemand@stahl.example'))).toHaveLength(0);
    await context.close();
  });
});
