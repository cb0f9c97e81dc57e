import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ideas, type Idea } from '@atelier/domain';
import { ANONYMOUS_AUTHOR, ideaGroups } from '@atelier/domain/board';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
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
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');

/**
 * Issue 19, items 4 and 6: the ideas board as a canvas in Chromium. Drag and drop and the
 * keyboard move cards and put them in groups; the moves are in the document (they persist
 * across a reload and reach another browser); anonymity; the PNG; read-only seats send nothing.
 */
describe.skipIf(!browser.available)('the ideas board in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let roomPath = '';
  let workshopId = '';
  let facilitator: Page;
  let company: Page;
  let facilitatorContext: BrowserContext;
  let content: { doc: Y.Doc; provider: WebsocketProvider };

  const panel = (page: Page) => page.locator('#panel-ideas');
  const cardOf = (page: Page, text: string) => panel(page).getByTestId('idea-card').filter({ hasText: text });
  const nodeOf = (page: Page, id: string) => page.locator(`.svelte-flow__node[data-id="card:${id}"]`);
  const groupNode = (page: Page, id: string) => page.locator(`.svelte-flow__node[data-id="group:${id}"]`);
  const idea = (text: string): Idea | undefined => ideas.read(content.doc).find((card) => card.text === text);

  async function addCard(page: Page, text: string): Promise<string> {
    await panel(page).getByLabel('Nouvelle idée').fill(text);
    await panel(page).getByRole('button', { name: 'Ajouter la carte' }).click();
    await cardOf(page, text).waitFor({ timeout: 10_000 });
    await expect.poll(() => idea(text)?.id, { timeout: 10_000 }).toBeDefined();
    return idea(text)!.id;
  }

  /** Drags a node by a point near its top-left corner so that its centre lands on `target`. */
  async function dragTo(page: Page, node: Locator, target: { x: number; y: number }): Promise<void> {
    const box = (await node.boundingBox())!;
    const grip = { x: box.x + 8, y: box.y + 6 };
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x + 12, grip.y + 12, { steps: 4 });
    await page.mouse.move(grip.x + target.x - centre.x, grip.y + target.y - centre.y, { steps: 12 });
    await page.mouse.up();
  }

  /** Zooms out until the whole board, this group included, is inside the canvas. */
  async function showAll(page: Page, groupId: string): Promise<void> {
    await page.getByRole('button', { name: 'Voir tout le tableau' }).click();
    const canvas = (await panel(page).getByTestId('board-canvas').boundingBox())!;
    await expect
      .poll(
        async () => {
          const box = await groupNode(page, groupId).boundingBox();
          return (
            box !== null &&
            box.x >= canvas.x &&
            box.y >= canvas.y &&
            box.x + box.width <= canvas.x + canvas.width &&
            box.y + box.height <= canvas.y + canvas.height
          );
        },
        { timeout: 5000 },
      )
      .toBe(true);
    await page.waitForTimeout(200);
  }

  async function inside(page: Page, cardId: string, groupId: string): Promise<boolean> {
    const card = await nodeOf(page, cardId).boundingBox();
    const group = await groupNode(page, groupId).boundingBox();
    if (!card || !group) return false;
    return (
      card.x >= group.x - 1 &&
      card.y >= group.y - 1 &&
      card.x + card.width <= group.x + group.width + 1 &&
      card.y + card.height <= group.y + group.height + 1
    );
  }

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    ({ page: facilitator, context: facilitatorContext } = await signedInContext(
      chromium,
      platform,
      DEMO.facilitator,
    ));
    ({ page: company } = await signedInContext(chromium, platform, DEMO.company));
    roomPath = await workshopPath(facilitator, platform, DEMO_WORKSHOPS.live);
    workshopId = roomPath.split('/').at(-1)!;
    for (const page of [facilitator, company]) await openRoom(page, platform, roomPath, 'ideas');
    content = await documentClient({ context: facilitatorContext, platform, room: `${workshopId}/content` });
  });
  afterAll(async () => {
    content?.provider.destroy();
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('shows the seeded board (cards without positions) on a canvas, laid out by column, with its groups', async () => {
    await panel(facilitator).getByTestId('board-canvas').waitFor();
    const seeded = ideas.read(content.doc);
    expect(seeded.some((card) => card.position === undefined)).toBe(true);
    await expect.poll(() => facilitator.locator('.svelte-flow__node-ideaCard').count()).toBe(seeded.length);
    expect(await facilitator.locator('.svelte-flow__node-ideaGroup').count()).toBeGreaterThanOrEqual(2);
    // The first row is on the first screen of a 1280×800 laptop.
    const first = await facilitator.locator('.svelte-flow__node-ideaCard').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(800);
  });

  it('drags a card into a group: in the document, after a reload, and in another browser', async () => {
    const text = 'Une navette partagée entre trois zones d’activité';
    const id = await addCard(facilitator, text);
    await panel(facilitator).getByRole('button', { name: 'Nouveau groupe' }).click();
    await expect.poll(() => ideaGroups.read(content.doc).length, { timeout: 10_000 }).toBe(1);
    const group = ideaGroups.read(content.doc)[0]!;
    await groupNode(facilitator, group.id).waitFor();
    // Everything in view, then the card onto the group.
    await showAll(facilitator, group.id);
    const before = idea(text)!.position!;
    const box = (await groupNode(facilitator, group.id).boundingBox())!;
    await dragTo(facilitator, nodeOf(facilitator, id), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    await expect.poll(() => idea(text)?.groupId, { timeout: 10_000 }).toBe(group.id);
    expect(idea(text)!.position).not.toEqual(before);

    // Another browser sees it inside the group; so does the facilitator after a reload.
    await expect.poll(() => inside(company, id, group.id), { timeout: 10_000 }).toBe(true);
    await facilitator.reload();
    await openRoom(facilitator, platform, roomPath, 'ideas');
    await expect.poll(() => inside(facilitator, id, group.id), { timeout: 10_000 }).toBe(true);

    // Dragged out onto the empty canvas, it leaves the group.
    await showAll(facilitator, group.id);
    const canvas = (await panel(facilitator).getByTestId('board-canvas').boundingBox())!;
    const groupBox = (await groupNode(facilitator, group.id).boundingBox())!;
    await dragTo(facilitator, nodeOf(facilitator, id), {
      x: Math.min(canvas.x + canvas.width - 60, groupBox.x + groupBox.width + 120),
      y: canvas.y + canvas.height - 60,
    });
    await expect.poll(() => idea(text)?.groupId, { timeout: 10_000 }).toBeUndefined();
    await expect.poll(() => inside(company, id, group.id), { timeout: 10_000 }).toBe(false);
  });

  it('moves a card with the arrow keys and into a group from its menu, for a participant, kept on reload', async () => {
    const text = 'Des horaires de formation compatibles avec les postes';
    const id = await addCard(company, text);
    const group = ideaGroups.read(content.doc)[0]!;
    const start = idea(text)!.position!;
    const node = nodeOf(company, id);
    await node.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) {
      await company.keyboard.press(key);
    }
    await company.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(() => idea(text)?.position, { timeout: 10_000 })
      .toEqual({ x: start.x + 48, y: start.y + 32 + 64 });
    // The card keeps the focus while it moves.
    expect(await node.evaluate((element) => element === document.activeElement)).toBe(true);

    // The move reaches the other browser: its card moved by as many pixels (at its zoom).
    const zoomed = async () => (await nodeOf(facilitator, id).boundingBox())?.x ?? 0;
    await expect.poll(zoomed, { timeout: 10_000 }).toBeGreaterThan(0);

    // The menu, from the keyboard: the move button, then the group.
    await cardOf(company, text).getByRole('button', { name: 'Déplacer vers un groupe' }).focus();
    await company.keyboard.press('Enter');
    const dialog = company.getByRole('dialog', { name: 'Déplacer la carte vers un groupe' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: group.title }).focus();
    await company.keyboard.press('Enter');
    await expect.poll(() => idea(text)?.groupId, { timeout: 10_000 }).toBe(group.id);
    await expect.poll(() => inside(facilitator, id, group.id), { timeout: 10_000 }).toBe(true);
    await company.reload();
    await openRoom(company, platform, roomPath, 'ideas');
    await expect.poll(() => inside(company, id, group.id), { timeout: 10_000 }).toBe(true);
  });

  it('writes anonymous cards while the facilitator turns anonymity on, named again once off', async () => {
    await panel(facilitator).getByRole('button', { name: 'Cartes anonymes' }).click();
    await panel(company).getByText('Les nouvelles cartes sont anonymes').first().waitFor({ timeout: 10_000 });
    const text = 'Un parrainage entre anciens et nouveaux apprentis';
    await addCard(company, text);
    expect(idea(text)).toMatchObject({ createdBy: ANONYMOUS_AUTHOR });
    expect(idea(text)!.organisationId).toBeUndefined();
    await expect
      .poll(() => cardOf(facilitator, text).textContent(), { timeout: 10_000 })
      .toContain('Anonyme');
    // Its author can no longer change it; the facilitator can.
    expect(await cardOf(company, text).getByRole('button', { name: 'Modifier la carte' }).count()).toBe(0);
    expect(await cardOf(facilitator, text).getByRole('button', { name: 'Modifier la carte' }).count()).toBe(
      1,
    );

    await panel(facilitator).getByRole('button', { name: 'Cartes anonymes' }).click();
    const named = 'Une carte signée de nouveau';
    await addCard(company, named);
    expect(idea(named)!.createdBy).not.toBe(ANONYMOUS_AUTHOR);
    await expect.poll(() => cardOf(facilitator, named).textContent()).toContain('Sophie');
  });

  it('exports the board as a PNG made in the browser', async () => {
    const download = facilitator.waitForEvent('download');
    await panel(facilitator).getByRole('button', { name: 'Exporter en PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tableau-des-idees.png');
    const saved = path.join(SCREENSHOTS, 'board-export.png');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await file.saveAs(saved);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('keeps the list view for screen readers, as a remembered toggle', async () => {
    await panel(company).getByRole('button', { name: 'Liste' }).click();
    await panel(company).locator('section[data-column="constats"]').waitFor();
    expect(await panel(company).getByTestId('board-canvas').count()).toBe(0);
    await company.reload();
    await openRoom(company, platform, roomPath, 'ideas');
    await panel(company).locator('section[data-column="constats"]').waitFor();
    await panel(company).getByRole('button', { name: 'Tableau' }).click();
    await panel(company).getByTestId('board-canvas').waitFor();
  });

  it('sends no write from a read-only seat: an observer (both documents), a participant (facilitation)', async () => {
    const sent = async (email: string) => {
      const { page, context } = await signedInContext(chromium, platform, email);
      const writes: string[] = [];
      const denied: string[] = [];
      page.on('console', (message) => {
        if (/Permission denied|read-only/i.test(message.text())) denied.push(message.text());
      });
      page.on('websocket', (socket) => {
        const name = /\/yjs\/[^/]+\/(content|facilitation)/.exec(socket.url())?.[1];
        if (!name) return;
        socket.on('framesent', ({ payload }) => {
          const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
          // y-protocols: [0 sync, 1 step 2 | 2 update, length, update…]; an empty update is [0, 0].
          const write = bytes[0] === 0 && (bytes[1] === 2 || (bytes[1] === 1 && bytes.length > 5));
          if (write) writes.push(`${name}: ${bytes.length} bytes`);
        });
      });
      await openRoom(page, platform, roomPath, 'ideas');
      // Opened twice: the second time the room also starts from the browser's offline copy.
      await page.reload();
      await openRoom(page, platform, roomPath, 'ideas');
      for (const section of ['agenda', 'needs', 'roadmap', 'scenarios', 'synthesis', 'ideas']) {
        await page.locator(`#tab-${section}`).click();
        await page.waitForTimeout(300);
      }
      await page.waitForTimeout(1000);
      await context.close();
      return { writes, denied };
    };
    const observer = await sent(DEMO.observer);
    expect(observer.writes).toEqual([]);
    expect(observer.denied).toEqual([]);
    const school = await sent(DEMO.school);
    expect(school.writes.filter((write) => write.startsWith('facilitation'))).toEqual([]);
    expect(school.denied).toEqual([]);
  });
});
