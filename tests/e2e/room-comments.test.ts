import AxeBuilder from '@axe-core/playwright';
import { CLOSE_CODES } from '@atelier/domain';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
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

const NEED = 'Chaudronniers (e2e commentaires)';
const FIRST = 'Premier avis sur les chaudronniers (e2e)';
const EDITED = 'Avis corrigé : deux postes suffisent (e2e)';

/** Polls until `read` gives `expected` (or times out), for what arrives through the network. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await read();
    if (last === expected) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${String(expected)}, still ${String(last)} after ${timeoutMs} ms`);
}

const rowOf = (page: Page, title: string): Locator =>
  page.locator('[data-testid="needs-table"] tbody tr', { hasText: title });
const threadOf = (page: Page): Locator => page.getByRole('region', { name: `Commentaires sur « ${NEED} »` });
const commentOf = (page: Page, text: string): Locator =>
  threadOf(page).locator('li[data-comment-id]', { hasText: text });
const textOf = (page: Page, id: string) => () =>
  threadOf(page)
    .locator(`li[data-comment-id="${id}"] p.prewrap`)
    .innerText({ timeout: 200 })
    .catch(() => '(absent)');

async function openThread(page: Page): Promise<void> {
  await rowOf(page, NEED).waitFor({ timeout: 10_000 });
  await rowOf(page, NEED)
    .getByRole('button', { name: /^Commentaires/ })
    .click();
  await threadOf(page).waitFor();
}

/** Editing and deleting one's own comment in the needs register: two organisations and an observer. */
describe.skipIf(!browser.available)('comments in the live room', () => {
  let platform: Platform;
  let chromium: Browser;
  let company: Page;
  let school: Page;
  let observer: Page;
  let schoolContext: BrowserContext;
  let workshopId: string;
  let commentId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    const pages: Page[] = [];
    for (const email of [DEMO.company, DEMO.school, DEMO.observer]) {
      const { context, page } = await signedInContext(chromium, platform, email);
      if (email === DEMO.school) schoolContext = context;
      pages.push(page);
    }
    [company, school, observer] = pages as [Page, Page, Page];
    const path = await workshopPath(company, platform, DEMO_WORKSHOPS.live);
    workshopId = path.split('/').filter(Boolean).at(-1) ?? '';
    await Promise.all(pages.map((page) => openRoom(page, platform, path, 'needs')));

    await company.getByRole('button', { name: 'Ajouter un besoin' }).click();
    await company.locator('#need-new-romeCode').fill('H2902');
    await company.locator('#need-new-title-input').fill(NEED);
    await company.locator('#need-new-headcount').fill('3');
    await company.locator('#need-new-communeCode').fill('57463');
    await company.getByRole('button', { name: 'Enregistrer le besoin' }).click();
    await Promise.all(pages.map(openThread));

    await threadOf(company).getByLabel('Votre commentaire', { exact: true }).fill(FIRST);
    await threadOf(company).getByRole('button', { name: 'Publier le commentaire' }).click();
    await commentOf(school, FIRST).waitFor({ timeout: 5000 });
    commentId = (await commentOf(company, FIRST).getAttribute('data-comment-id')) ?? '';
    expect(commentId).not.toBe('');
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it("offers Modifier and Supprimer on one's own comment only, and none to a read-only seat", async () => {
    const own = commentOf(company, FIRST);
    await own.getByRole('button', { name: /^Modifier votre commentaire/ }).waitFor();
    expect(await own.getByRole('button', { name: /^Supprimer votre commentaire/ }).count()).toBe(1);
    for (const page of [school, observer]) {
      const theirs = commentOf(page, FIRST);
      await theirs.waitFor();
      expect(await theirs.getByRole('button').count()).toBe(0);
    }
    // The school comments too (its own form), the observer does not.
    expect(await threadOf(school).getByLabel('Votre commentaire', { exact: true }).count()).toBe(1);
    expect(await threadOf(observer).getByLabel('Votre commentaire', { exact: true }).count()).toBe(0);
  });

  it('edits in place with the creation rules, keeping what was typed on a refusal, and the school sees the edit within 2 s', async () => {
    await commentOf(company, FIRST)
      .getByRole('button', { name: /^Modifier votre commentaire/ })
      .click();
    const field = threadOf(company).getByLabel('Modifier votre commentaire', { exact: true });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);

    const tooLong = `${EDITED} ${'x'.repeat(2000)}`;
    await field.fill(tooLong);
    await threadOf(company).getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await threadOf(company).getByText('2000 caractères au plus').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe(tooLong);
    await field.fill('   ');
    await threadOf(company).getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await threadOf(company).getByText('Ce champ est obligatoire.').waitFor();
    const axe = await new AxeBuilder({ page: company }).include('#panel-needs').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(school, commentId)()).toBe(FIRST);

    await field.fill(EDITED);
    await threadOf(company).getByRole('button', { name: 'Enregistrer', exact: true }).click();
    expect(await textOf(company, commentId)()).toBe(EDITED);
    const seenAfter = await eventually(textOf(school, commentId), EDITED, 2000);
    expect(seenAfter).toBeLessThan(2000);
    for (const page of [company, school]) {
      await expect
        .poll(() => commentOf(page, EDITED).locator('.by').innerText())
        .toMatch(/, modifié le \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    }
  });

  it("refuses the school's forged edit of the company's comment, which the company never sees", async () => {
    const client = await documentClient({ context: schoolContext, platform, room: `${workshopId}/content` });
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    try {
      const entry = client.doc
        .getArray<Y.Map<unknown>>('comments')
        .toArray()
        .find((map) => map.get('id') === commentId);
      expect(entry?.get('text')).toBe(EDITED);
      client.doc.transact(() => {
        entry?.set('text', 'Texte falsifié par une autre organisation (e2e)');
        entry?.set('updatedAt', new Date().toISOString());
      });
      await expect.poll(() => closes, { timeout: 5000 }).toContain(CLOSE_CODES.malformedMessage.code);
      // Time for a relay, were there one: the company and the observer still read the edited text.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await textOf(company, commentId)()).toBe(EDITED);
      expect(await textOf(observer, commentId)()).toBe(EDITED);
    } finally {
      client.provider.destroy();
    }
  });

  it('deletes with undo, and the school sees the deletion and the return within 2 s', async () => {
    await commentOf(company, EDITED)
      .getByRole('button', { name: /^Supprimer votre commentaire/ })
      .click();
    expect(await textOf(company, commentId)()).toBe('(absent)');
    const undo = threadOf(company).getByRole('button', { name: 'Annuler la suppression' });
    await expect.poll(() => undo.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await eventually(textOf(school, commentId), '(absent)', 2000)).toBeLessThan(2000);

    await undo.click();
    expect(await eventually(textOf(school, commentId), EDITED, 2000)).toBeLessThan(2000);
    expect(await textOf(company, commentId)()).toBe(EDITED);
    expect(await commentOf(school, EDITED).getByRole('button').count()).toBe(0);
    // The restored comment still says it was edited (the edit time is part of the entry).
    await expect
      .poll(() => commentOf(school, EDITED).locator('.by').innerText())
      .toMatch(/, modifié le \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  });
});
