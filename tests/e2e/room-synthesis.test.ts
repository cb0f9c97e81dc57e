import { writeSettings } from '@atelier/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import {
  DEMO,
  DEMO_WORKSHOPS,
  documentClient,
  openRoom,
  signedInContext,
  workshopPath,
} from '../support/room.ts';

const browser = browserAvailability();

/** Issue 5, item 5: the synthesis, co-written in Tiptap over Yjs. */
describe.skipIf(!browser.available)('the synthesis editor in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: Page;
  let company: Page;
  let observer: Page;

  const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Texte de la synthèse' });

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = (await signedInContext(chromium, platform, DEMO.facilitator)).page;
    company = (await signedInContext(chromium, platform, DEMO.company)).page;
    observer = (await signedInContext(chromium, platform, DEMO.observer)).page;
    const path = await workshopPath(facilitator, platform, DEMO_WORKSHOPS.live);
    await Promise.all([
      openRoom(facilitator, platform, path, 'synthesis'),
      openRoom(company, platform, path, 'synthesis'),
      openRoom(observer, platform, path, 'synthesis'),
    ]);
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('keeps both texts when two people type at once, in both contexts', async () => {
    const fromFacilitator = 'Constat partagé : manque de soudeurs TIG.';
    const fromCompany = 'Proposition : ouvrir une classe en alternance.';
    for (const page of [facilitator, company]) await editorOf(page).click();
    await Promise.all([
      editorOf(facilitator).pressSequentially(fromFacilitator, { delay: 15 }),
      editorOf(company).pressSequentially(fromCompany, { delay: 15 }),
    ]);
    for (const page of [facilitator, company]) {
      await expect
        .poll(() => editorOf(page).textContent(), { timeout: 5000 })
        .toSatisfy(
          (text: string | null) => !!text?.includes(fromFacilitator) && !!text.includes(fromCompany),
        );
    }
  });

  it("shows others' carets with their names", async () => {
    await editorOf(company).click();
    await expect
      .poll(() => facilitator.locator('.collaboration-carets__label').allTextContents(), { timeout: 5000 })
      .toContain('Sophie Entreprise');
  });

  it('formats with the toolbar, whose buttons say whether they are pressed', async () => {
    await editorOf(facilitator).click();
    await facilitator.keyboard.press('End');
    await facilitator.keyboard.press('Enter');
    const bold = facilitator.getByRole('button', { name: 'Gras' });
    await bold.click();
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await facilitator.keyboard.type('Priorité');
    // One tab stop in the toolbar; arrows move between its buttons.
    expect(await facilitator.locator('[role="toolbar"] button[tabindex="0"]').count()).toBe(1);
    await bold.focus();
    await facilitator.keyboard.press('ArrowRight');
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Italique');
    await facilitator.keyboard.press('End');
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await expect
      .poll(() => company.locator('[data-testid="synthesis-editor"] strong').allTextContents(), {
        timeout: 5000,
      })
      .toContain('Priorité');
  });

  it('drops scripts and unknown markup from pasted HTML', async () => {
    await editorOf(facilitator).click();
    await facilitator.evaluate(() => {
      const target = document.querySelector('[data-testid="synthesis-editor"]');
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p>Collé<script>window.__pasted = 1</script><img src="x" onerror="window.__pasted = 2"></p>',
      );
      data.setData('text/plain', 'Collé');
      target?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => editorOf(company).textContent(), { timeout: 5000 }).toContain('Collé');
    const html = await facilitator.locator('[data-testid="synthesis-editor"]').innerHTML();
    expect(html).not.toMatch(/<script|onerror|src="x"/);
    expect(await facilitator.evaluate(() => (window as { __pasted?: number }).__pasted)).toBeUndefined();
  });

  it('shows the observer the text, read-only, without a toolbar', async () => {
    const editor = editorOf(observer);
    await expect.poll(() => editor.textContent(), { timeout: 5000 }).toContain('Constat partagé');
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await editor.getAttribute('aria-readonly')).toBe('true');
    expect(await observer.getByRole('toolbar').count()).toBe(0);
    expect(await observer.getByRole('button', { name: 'Enregistrer une version' }).count()).toBe(0);
  });

  it('turns read-only for a participant while the facilitator locks the section', async () => {
    const workshopId = new URL(facilitator.url()).pathname.split('/').at(-1) ?? '';
    const client = await documentClient({
      context: facilitator.context(),
      platform,
      room: `${workshopId}/facilitation`,
    });
    try {
      writeSettings(client.doc, { lockedSections: ['synthesis'] });
      const editor = editorOf(company);
      await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 5000 }).toBe('false');
      await company.getByText("Section verrouillée par l'animation : synthèse en lecture seule.").waitFor();
      expect(await company.getByRole('toolbar').count()).toBe(0);
      expect(await editorOf(facilitator).getAttribute('contenteditable')).toBe('true');
      writeSettings(client.doc, { lockedSections: [] });
      await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 5000 }).toBe('true');
      await company.getByRole('toolbar', { name: 'Mise en forme de la synthèse' }).waitFor();
    } finally {
      client.provider.destroy();
    }
  });

  it('is read-only for everyone in a closed workshop, facilitators included', async () => {
    const path = await workshopPath(facilitator, platform, DEMO_WORKSHOPS.closed);
    await openRoom(facilitator, platform, path, 'synthesis');
    const editor = editorOf(facilitator);
    await editor.waitFor();
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await facilitator.getByRole('toolbar').count()).toBe(0);
    expect(await facilitator.getByRole('button', { name: 'Enregistrer une version' }).count()).toBe(0);
  });
});
