import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

/** Seconds shown by a `m:ss` (or `h:mm:ss`) clock. */
function seconds(clock: string | null): number {
  const parts = (clock ?? '').trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Issue 5, items 1, 4, 6, 8, 9: the room's header, agenda, timer, polls and ideas board. */
describe.skipIf(!browser.available)('facilitation and the ideas board in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: Page;
  let company: Page;
  let school: Page;
  let observer: Page;
  let everyone: Page[];

  const panel = (page: Page, section: string) => page.locator(`#panel-${section}`);
  const aside = (page: Page) => page.getByTestId('facilitation');

  async function showSection(page: Page, section: string, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
    await panel(page, section).waitFor({ state: 'visible' });
  }

  async function addStep(title: string, minutes: number, section?: string): Promise<void> {
    const agenda = panel(facilitator, 'agenda');
    const details = agenda.locator('details.add');
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) {
      await details.locator('summary').click();
    }
    await details.getByLabel("Titre de l'étape").fill(title);
    await details.getByLabel('Durée (minutes)').fill(String(minutes));
    if (section) await details.getByLabel('Section ouverte pour tous').selectOption(section);
    await details.getByRole('button', { name: "Ajouter l'étape" }).click();
  }

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = (await signedInContext(chromium, platform, DEMO.facilitator)).page;
    company = (await signedInContext(chromium, platform, DEMO.company)).page;
    school = (await signedInContext(chromium, platform, DEMO.school)).page;
    observer = (await signedInContext(chromium, platform, DEMO.observer)).page;
    everyone = [facilitator, company, school, observer];
    const path = await workshopPath(facilitator, platform, DEMO_WORKSHOPS.live);
    await Promise.all(everyone.map((page) => openRoom(page, platform, path, 'agenda')));
  });
  afterEach(async ({ task }) => {
    // A failure leaves a picture of each context behind, to see what was on screen.
    if (task.result?.state !== 'fail') return;
    const names = ['facilitator', 'company', 'school', 'observer'];
    for (const [index, page] of everyone.entries()) {
      const file = `test-results/screenshots/failure-${task.name.slice(0, 40).replace(/\W+/g, '-')}-${names[index]}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    }
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('shows everyone the same agenda step and a 5-minute timer that agrees within one second', async () => {
    // The demo's session is under way: its agenda has steps, one of them current.
    const steps = (page: Page) => panel(page, 'agenda').locator('[data-step-id]').count();
    await expect.poll(() => steps(facilitator), { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    const total = (await steps(facilitator)) + 2;
    await addStep('Tour de table des nouveaux venus', 10);
    await addStep('Diagnostic des besoins', 25);
    for (const page of everyone) await expect.poll(() => steps(page), { timeout: 5000 }).toBe(total);
    const agenda = panel(facilitator, 'agenda');
    await agenda.getByRole('button', { name: "Passer à l'étape Tour de table des nouveaux venus" }).click();
    await expect
      .poll(() => facilitator.getByTestId('current-step').textContent(), { timeout: 5000 })
      .toContain('Tour de table des nouveaux venus');
    await agenda.getByRole('button', { name: /Étape suivante/ }).click();
    await agenda.getByRole('button', { name: 'Démarrer 5 minutes' }).click();

    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('current-step').textContent(), { timeout: 5000 })
        .toContain(`Diagnostic des besoins (${total} sur ${total})`);
      await page.getByTestId('timer-clock').waitFor({ timeout: 5000 });
      const current = panel(page, 'agenda').locator('[aria-current="step"]');
      expect(await current.locator('h3').textContent()).toBe('Diagnostic des besoins');
    }
    const clocks = await Promise.all(everyone.map((page) => page.getByTestId('timer-clock').textContent()));
    const shown = clocks.map(seconds);
    console.info(`timer shown by facilitator, company, school, observer: ${clocks.join(' / ')}`);
    expect(Math.max(...shown) - Math.min(...shown), clocks.join(' / ')).toBeLessThanOrEqual(1);
    for (const value of shown) {
      expect(value).toBeGreaterThan(290);
      expect(value).toBeLessThanOrEqual(300);
    }
    // The timer is announced as a timer with a spoken label, not a bare number.
    const timer = observer.getByRole('timer');
    expect(await timer.getAttribute('aria-label')).toMatch(
      /^Minuteur : 4 min \d+ s restantes$|^Minuteur : 5 min 0 s/,
    );
    // The observer sees the agenda but has no facilitation control (a step's link to its section
    // only opens that section).
    expect(await panel(observer, 'agenda').locator('button:not(.link-button)').count()).toBe(0);
    expect(await panel(company, 'agenda').locator('button:not(.link-button)').count()).toBe(0);
  });

  it('runs a dot-vote: three ballots agree everywhere, a second ballot replaces the first', async () => {
    const question = 'Quelles priorités pour les 100 jours ?';
    const options = ['Soudure TIG', 'Maintenance industrielle', 'Logistique'];
    const create = aside(facilitator).locator('details.create');
    await create.locator('summary').click();
    await create.getByLabel('Question').fill(question);
    await create.getByLabel('Options').fill(options.join('\n'));
    await create.getByLabel('Points par personne').fill('3');
    await create.getByRole('button', { name: 'Ouvrir le vote' }).click();

    const pollOf = (page: Page): Locator => aside(page).getByTestId('poll').filter({ hasText: question });
    for (const page of everyone) await pollOf(page).waitFor({ timeout: 5000 });

    async function vote(page: Page, dots: number[], button: string): Promise<void> {
      const poll = pollOf(page);
      for (const [index, option] of options.entries()) {
        await poll.getByLabel(option, { exact: true }).fill(String(dots[index] ?? 0));
      }
      await poll.getByRole('button', { name: button }).click();
      await poll.getByText('Vote enregistré.').waitFor({ timeout: 5000 });
    }
    const totals = (page: Page) => pollOf(page).getByTestId('poll-total').allTextContents();

    await vote(facilitator, [2, 1, 0], 'Voter');
    await vote(company, [0, 3, 0], 'Voter');
    await vote(school, [0, 0, 1], 'Voter');
    for (const page of everyone) {
      await expect.poll(() => totals(page), { timeout: 5000 }).toEqual(['2', '4', '1']);
      expect(await pollOf(page).locator('caption').textContent()).toContain('3 bulletin(s)');
    }
    expect(await pollOf(company).getByTestId('dots-left').textContent()).toBe('Points restants : 0');

    // The company changes its mind: its new ballot replaces the old one.
    await vote(company, [1, 0, 0], 'Remplacer mon vote');
    for (const page of everyone) {
      await expect.poll(() => totals(page), { timeout: 5000 }).toEqual(['3', '1', '1']);
      expect(await pollOf(page).locator('caption').textContent()).toContain('3 bulletin(s)');
    }
    // The observer reads the results (a table with numbers) but cannot vote.
    expect(await pollOf(observer).getByRole('table').count()).toBe(1);
    expect(await pollOf(observer).locator('form, input, button').count()).toBe(0);
  });

  it('shows a new idea card to everyone within a second; the observer has no card controls at all', async () => {
    for (const page of everyone) {
      await showSection(page, 'ideas', 'Idées');
      // These tests read the board's columns: its list view (the canvas has its own tests).
      await panel(page, 'ideas').getByRole('button', { name: 'Liste', exact: true }).click();
    }
    const text = 'Mutualiser un plateau technique de soudure entre lycées et entreprises';
    const ideas = panel(company, 'ideas');
    await ideas.getByLabel('Nouvelle idée').fill(text);
    await ideas.getByLabel('Colonne').selectOption('pistes');
    // From the click (included) until the three other contexts show the card.
    const started = Date.now();
    await ideas.getByRole('button', { name: 'Ajouter la carte' }).click();
    const cardOf = (page: Page) => panel(page, 'ideas').getByTestId('idea-card').filter({ hasText: text });
    await Promise.all([facilitator, school, observer].map((page) => cardOf(page).waitFor({ timeout: 5000 })));
    const elapsed = Date.now() - started;
    console.info(`new idea card seen by three other contexts after ${elapsed} ms`);
    expect(elapsed, `seen by the others after ${elapsed} ms`).toBeLessThan(1000);
    for (const page of everyone) {
      expect(
        await cardOf(page).locator('xpath=ancestor::section[@data-column]').getAttribute('data-column'),
      ).toBe('pistes');
    }

    // The author edits and deletes their own card; the facilitator also moderates it.
    expect(await cardOf(company).getByRole('button', { name: 'Modifier' }).count()).toBe(1);
    expect(await cardOf(company).getByRole('button', { name: 'Supprimer' }).count()).toBe(1);
    expect(await cardOf(facilitator).getByRole('button', { name: 'Transformer en action' }).count()).toBe(1);
    // Another participant may not change someone else's card, only place it on the board.
    expect(
      await cardOf(school)
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label'))),
    ).toEqual(['Déplacer vers un groupe']);
    // The observer has no control at all: no add form, no card buttons, no checkboxes.
    const observed = panel(observer, 'ideas');
    expect(await observed.locator('form, textarea, input, select').count()).toBe(0);
    // (Reading tools aside: the board's view and its picture.)
    expect(await observed.locator('button:not(.view-tool)').count()).toBe(0);
    expect(
      await aside(observer)
        .getByRole('button', { name: /Lever la main|Réagir/ })
        .count(),
    ).toBe(0);

    // The author edits in place; the others see the new text.
    await cardOf(company).getByRole('button', { name: 'Modifier' }).click();
    const edited = `${text} (et CFA)`;
    await panel(company, 'ideas').getByLabel('Texte de la carte').fill(edited);
    await panel(company, 'ideas').getByRole('button', { name: 'Terminer' }).click();
    await panel(observer, 'ideas')
      .getByTestId('idea-card')
      .filter({ hasText: edited })
      .waitFor({ timeout: 5000 });
  });

  it('lets the facilitator group cards, put them to a dot-vote and turn one into a roadmap action', async () => {
    const texts = ['Navette Thionville–Luxembourg aux heures de poste', 'Covoiturage des intérimaires'];
    const ideas = panel(facilitator, 'ideas');
    for (const text of texts) {
      await ideas.getByLabel('Nouvelle idée').fill(text);
      await ideas.getByRole('button', { name: 'Ajouter la carte' }).click();
    }
    const cardOf = (page: Page, text: string) =>
      panel(page, 'ideas').getByTestId('idea-card').filter({ hasText: text });
    for (const text of texts) await cardOf(facilitator, text).getByRole('checkbox').check();
    // The demo's board already has groups of its own.
    const groups = () => panel(observer, 'ideas').getByText('Groupe de 2 cartes').count();
    const before = await groups();
    await ideas.getByRole('button', { name: 'Grouper' }).click();
    await expect.poll(groups, { timeout: 5000 }).toBe(before + 1);

    for (const text of texts) await cardOf(facilitator, text).getByRole('checkbox').check();
    await ideas.getByRole('button', { name: 'Lancer un vote à points' }).click();
    const poll = aside(company).getByTestId('poll').filter({ hasText: 'Quelles idées retenir ?' });
    await poll.waitFor({ timeout: 5000 });
    for (const text of texts) expect(await poll.getByLabel(text, { exact: true }).count()).toBe(1);

    const card = cardOf(facilitator, texts[1]!);
    await card.getByRole('button', { name: 'Transformer en action' }).click();
    await card.getByLabel('Échéance (date ou J+N)').fill('J+60');
    await card.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(
        () =>
          cardOf(observer, texts[1]!)
            .locator('xpath=ancestor::section[@data-column]')
            .getAttribute('data-column'),
        { timeout: 5000 },
      )
      .toBe('actions');
    // The server accepted every write: nobody's connection was refused.
    for (const page of everyone) {
      expect(await page.getByTestId('connection').getAttribute('class')).toContain('connection-connected');
    }
  });

  it('refuses an invalid need at the form, with the error tied to the field', async () => {
    const ideas = panel(facilitator, 'ideas');
    const card = ideas.getByTestId('idea-card').filter({ hasText: 'Mutualiser un plateau technique' });
    await card.getByRole('button', { name: 'Transformer en besoin' }).click();
    await card.getByLabel('Code ROME').fill('Z9');
    // The register's own need form, opened with the card's text.
    expect(await card.getByLabel('Intitulé', { exact: true }).inputValue()).toContain(
      'Mutualiser un plateau technique',
    );
    await card.getByLabel('Commune', { exact: true }).fill('57463');
    await card.getByRole('button', { name: 'Créer' }).click();
    const rome = card.getByLabel('Code ROME');
    expect(await rome.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await rome.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy.split(' ').map((id) => facilitator.locator(`#${id}`).textContent()),
    );
    expect(messages.join(' ')).toContain('Code ROME inconnu');
    await rome.fill('H2913');
    await card.getByRole('button', { name: 'Créer' }).click();
    await card.getByLabel('Code ROME').waitFor({ state: 'detached', timeout: 5000 });
    // The card moved to the actions; the need is in the register.
    await expect
      .poll(() => card.locator('xpath=ancestor::section[@data-column]').getAttribute('data-column'))
      .toBe('actions');
    await showSection(facilitator, 'needs', 'Besoins');
    const row = panel(facilitator, 'needs').locator('tbody tr', {
      hasText: 'Mutualiser un plateau technique',
    });
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    expect(await row.locator('[data-field="romeCode"]').textContent()).toContain('H2913');
    await showSection(facilitator, 'ideas', 'Idées');
    expect(await facilitator.getByTestId('connection').getAttribute('class')).toContain(
      'connection-connected',
    );
  });

  it('locks a section for participants and brings everyone to a section', async () => {
    const addForm = (page: Page) => panel(page, 'ideas').getByRole('button', { name: 'Ajouter la carte' });
    expect(await addForm(company).count()).toBe(1);
    await panel(facilitator, 'ideas').getByRole('button', { name: 'Verrouiller la section' }).click();
    await expect.poll(() => addForm(company).count(), { timeout: 5000 }).toBe(0);
    expect(await panel(company, 'ideas').getByRole('note').textContent()).toContain('verrouillé');
    expect(await company.locator('#tab-ideas').textContent()).toContain('verrouillée');
    await panel(facilitator, 'ideas').getByRole('button', { name: 'Verrouiller la section' }).click();
    await expect.poll(() => addForm(company).count(), { timeout: 5000 }).toBe(1);

    await showSection(facilitator, 'needs', 'Besoins');
    await panel(facilitator, 'needs').getByRole('button', { name: 'Amener tout le monde ici' }).click();
    for (const page of [company, school, observer]) {
      await expect
        .poll(() => page.locator('#tab-needs').getAttribute('aria-selected'), { timeout: 5000 })
        .toBe('true');
    }
  });

  it('gives the floor from the speaking queue and shows reactions to everyone', async () => {
    await aside(company)
      .getByRole('button', { name: /Lever la main/ })
      .click();
    const give = aside(facilitator).getByRole('button', { name: 'Donner la parole à Sophie Entreprise' });
    await give.waitFor({ timeout: 5000 });
    await give.click();
    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('speaker').textContent(), { timeout: 5000 })
        .toContain('Sophie Entreprise a la parole');
    }
    await expect
      .poll(() => company.locator('.room > [aria-live="polite"]').textContent(), { timeout: 5000 })
      .toContain('vous donne la parole');
    await aside(facilitator).getByRole('button', { name: 'Reprendre la parole' }).click();
    await expect
      .poll(() => observer.getByTestId('speaker').textContent(), { timeout: 5000 })
      .toContain("Personne n'a la parole.");

    await aside(school).getByRole('button', { name: "Réagir : d'accord" }).click();
    await expect
      .poll(() => observer.getByTestId('reactions').textContent(), { timeout: 5000 })
      .toContain("d'accord");
  });

  it("shows no editing or facilitation control in a closed workshop's room, even to its facilitator", async () => {
    const page = await facilitator.context().newPage();
    const path = await workshopPath(page, platform, DEMO_WORKSHOPS.closed);
    await openRoom(page, platform, path, 'agenda');
    await page.getByTestId('timer').waitFor();
    // Links that only open a step's section (`.link-button`) are reading, not editing.
    // Reading tools (the board's view, its zoom, its picture) are not editing controls.
    const controls =
      'button:not(.toggle):not(.link-button):not(.view-tool):not(.svelte-flow__controls-button), input, textarea, select, form';
    expect(await page.locator('.room-header').locator(controls).count()).toBe(0);
    expect(await aside(page).locator(controls).count()).toBe(0);
    expect(await panel(page, 'agenda').locator(controls).count()).toBe(0);
    for (const section of ['agenda', 'ideas', 'needs', 'roadmap', 'scenarios', 'synthesis']) {
      expect(await panel(page, section).locator('.panel-head').locator(controls).count(), section).toBe(0);
    }
    await showSection(page, 'ideas', 'Idées');
    expect(await panel(page, 'ideas').locator(controls).count()).toBe(0);
    await page.close();
  });

  it("opens a step's section from the agenda, with the keyboard, for a participant and the observer", async () => {
    for (const page of [facilitator, company, observer]) await showSection(page, 'agenda', 'Déroulé');
    await addStep('Priorisation de la feuille de route', 20, 'roadmap');
    for (const page of [company, observer]) {
      const step = panel(page, 'agenda').locator('[data-step-id]', {
        hasText: 'Priorisation de la feuille de route',
      });
      const link = step.getByRole('button', { name: 'Section : Feuille de route' });
      await link.waitFor({ timeout: 5000 });
      await link.focus();
      await page.keyboard.press('Enter');
      await panel(page, 'roadmap').waitFor({ state: 'visible' });
      const tab = page.getByRole('tab', { name: 'Feuille de route' });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      expect(await tab.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(new URL(page.url()).hash).toBe('#roadmap');
      expect(await panel(page, 'agenda').isVisible()).toBe(false);
    }
  });
});
