import { needs, roadmap, type Need } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { documentWithCookie, joinByHttp, liveState, workshopSocket } from '../support/guests.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_PASSWORD, DEMO_WORKSHOPS } from '../support/room.ts';

/** What a refused write shows its client: a "permission denied" message, or the connection closed. */
function refusals(provider: WebsocketProvider): string[] {
  const seen: string[] = [];
  // y-protocols' auth message (2): the server's "permission denied".
  provider.messageHandlers[2] = () => {
    seen.push('denied');
  };
  provider.on('connection-close', (event) => seen.push(`closed ${event?.code ?? -1}`));
  return seen;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Issue 19, item 1: a guest's rights are the policy's and the write rules', with a test for each
 * refusal; removing a guest or closing guest access ends their realtime connections; wrong codes
 * are limited per address; a guest becomes an account through an invitation.
 */
describe('guests: what they may do, and what ends them', () => {
  let platform: Platform;
  let facilitator = '';
  let workshopId = '';
  let closedWorkshopId = '';
  let code = '';
  let organisationId = '';

  const post = (target: string, form: Record<string, string>, cookie = facilitator) =>
    fetch(`${platform.baseUrl}${target}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: platform.baseUrl,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
      },
      body: new URLSearchParams(form),
    });
  const get = (target: string, cookie: string) =>
    fetch(`${platform.baseUrl}${target}`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
  const guestsPage = `/workshops/:id/guests`;
  const act = (action: string, form: Record<string, string> = {}) =>
    post(`${guestsPage.replace(':id', workshopId)}?/${action}`, form);
  const need = (userId: string, organisation: string): Need => ({
    id: `guest-need-${Math.random().toString(36).slice(2)}`,
    organisationId: organisation,
    romeCode: 'H2913',
    title: 'Soudeurs TIG',
    skills: [],
    headcount: 2,
    horizonMonths: 6,
    communeCode: '57463',
    contract: 'cdi',
    difficulty: 2,
    crossBorder: false,
    comment: '',
    createdBy: userId,
    updatedAt: new Date().toISOString(),
  });

  async function guest(name: string, organisation = 'none') {
    const joined = await joinByHttp({ platform, code, displayName: name, organisationId: organisation });
    expect(joined.status).toBe(303);
    const socket = await workshopSocket({ platform, workshopId, cookie: joined.cookie });
    const { you } = await liveState(socket);
    return { cookie: joined.cookie, socket, userId: you.userId };
  }

  beforeAll(async () => {
    platform = await startPlatform();
    const signIn = await post('/login', { email: DEMO.facilitator, password: DEMO_PASSWORD }, '');
    facilitator = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = await (await get('/workshops', facilitator)).text();
    const idOf = (title: string) => {
      const at = list.indexOf(title);
      return /\/workshops\/([0-9a-f-]{36})/.exec(list.slice(Math.max(0, at - 400), at))?.[1] ?? '';
    };
    workshopId = idOf(DEMO_WORKSHOPS.live);
    closedWorkshopId = idOf(DEMO_WORKSHOPS.closed);
    expect(workshopId).not.toBe('');
    expect((await act('open')).status).toBe(200);
    const page = await (await get(guestsPage.replace(':id', workshopId), facilitator)).text();
    code = /data-testid="join-code"[^>]*>([A-Z2-9]{6})</.exec(page)?.[1] ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const join = await (await get(`/j/${code}`, '')).text();
    organisationId = /<option value="([0-9a-f-]{36})"/.exec(join)?.[1] ?? '';
    expect(organisationId).not.toBe('');
  }, 180_000);
  afterAll(async () => {
    expect(await platform?.stop()).toBe(0);
  });

  it('refuses a need from a guest unless the facilitator allowed needs, and then only for their organisation', async () => {
    const plain = await guest('Sans droit', organisationId);
    const content = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: plain.cookie,
    });
    const seen = refusals(content.provider);
    const refused = need(plain.userId, organisationId);
    needs.add(content.doc, refused);
    await until('the need to be refused', () => seen.length > 0);
    content.provider.destroy();
    plain.socket.disconnect();

    expect((await act('needs', { allowNeeds: 'on' })).status).toBe(200);
    const allowed = await guest('Avec droit', organisationId);
    const writer = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: allowed.cookie,
    });
    const writerSeen = refusals(writer.provider);
    const accepted = need(allowed.userId, organisationId);
    needs.add(writer.doc, accepted);
    // Even when allowed: not another organisation's need, and not the roadmap.
    const unaffiliated = await guest('Sans organisation');
    const other = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: unaffiliated.cookie,
    });
    const otherSeen = refusals(other.provider);
    needs.add(other.doc, need(unaffiliated.userId, organisationId));
    await until('the unaffiliated guest’s need to be refused', () => otherSeen.length > 0);
    other.provider.destroy();
    const planner = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: allowed.cookie,
    });
    const plannerSeen = refusals(planner.provider);
    roadmap.add(planner.doc, {
      id: 'guest-action',
      title: 'Une action',
      description: '',
      ownerOrganisationId: organisationId,
      partnerOrganisationIds: [],
      start: 'J+1',
      due: 'J+30',
      status: 'proposed',
      needIds: [],
      createdBy: allowed.userId,
      updatedAt: new Date().toISOString(),
    });
    await until('the guest’s action to be refused', () => plannerSeen.length > 0);
    planner.provider.destroy();

    const check = await documentWithCookie({ platform, room: `${workshopId}/content`, cookie: facilitator });
    await until('the allowed need to be stored', () => needs.find(check.doc, accepted.id) !== undefined);
    expect(needs.find(check.doc, refused.id)).toBeUndefined();
    expect(roadmap.find(check.doc, 'guest-action')).toBeUndefined();
    expect(writerSeen).toEqual([]);
    check.provider.destroy();
    writer.provider.destroy();
    allowed.socket.disconnect();
    unaffiliated.socket.disconnect();
    expect((await act('needs', {})).status).toBe(200);
  }, 60_000);

  it('lets a guest vote, raise a hand and react, but not drive the agenda, the timer or polls', async () => {
    const { socket } = await guest('Participant invité');
    expect(await socket.timeout(5000).emitWithAck('hand:raise', {})).toEqual({ ok: true });
    expect(await socket.timeout(5000).emitWithAck('reaction', { reaction: '👍' })).toEqual({ ok: true });
    for (const [event, payload] of [
      ['agenda:step', { stepId: null }],
      ['timer:start', { durationMs: 60_000 }],
      ['poll:create', { question: 'Q ?', options: ['a', 'b'], kind: 'poll' }],
    ] as const) {
      const ack = await (
        socket.timeout(5000).emitWithAck as (
          e: string,
          p: unknown,
        ) => Promise<{ ok: boolean; error?: { code: string } }>
      )(event, payload);
      expect([event, ack.ok, ack.error?.code]).toEqual([event, false, 'forbidden']);
    }
    socket.disconnect();
  });

  it('keeps a guest out of another workshop, the exports, the members and every page of an account', async () => {
    const { cookie, socket } = await guest('Curieuse');
    socket.disconnect();
    // Another workshop: neither its page nor its realtime rooms.
    expect((await get(`/workshops/${closedWorkshopId}`, cookie)).status).toBe(404);
    await expect(workshopSocket({ platform, workshopId: closedWorkshopId, cookie })).rejects.toMatchObject({
      data: { code: 4403 },
    });
    // The exports, the members (their e-mails), the guests page, the presenter view: not for guests.
    for (const page of [
      'exports',
      'members',
      'guests',
      'present',
      'invitations',
      'settings',
      'about',
      'versions',
    ]) {
      const response = await get(`/workshops/${workshopId}/${page}`, cookie);
      expect([page, response.status, response.headers.get('location')]).toEqual([page, 303, '/j']);
    }
    const exported = await post(`/workshops/${workshopId}/exports/new`, { format: 'csv' }, cookie);
    expect(exported.status).toBe(403);
    for (const page of ['/workshops', '/account', '/organisations', '/organisations/new', '/contribute']) {
      expect([page, (await get(page, cookie)).status]).toEqual([page, 303]);
    }
    // The room itself: names and organisations, no one's e-mail.
    const room = await get(`/workshops/${workshopId}`, cookie);
    expect(room.status).toBe(200);
    const data = await (await get(`/workshops/${workshopId}/__data.json`, cookie)).text();
    expect(data).toContain('Curieuse');
    expect(data).not.toMatch(/@atelier\.example|@example\./);
    // /j sends a guest back to their room.
    expect((await get('/j', cookie)).headers.get('location')).toBe(`/workshops/${workshopId}`);
  });

  it('ends a removed guest’s realtime connections at once, and their session', async () => {
    const removed = await guest('À retirer');
    const content = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: removed.cookie,
    });
    const closed = new Promise<number>((resolve) =>
      content.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    );
    const ended = new Promise<void>((resolve) => removed.socket.once('session:ended', () => resolve()));
    const started = Date.now();
    expect((await act('remove', { userId: removed.userId })).status).toBe(200);
    expect(await closed).toBe(4401);
    await ended;
    expect(Date.now() - started).toBeLessThan(2000);
    content.provider.destroy();
    expect((await get(`/workshops/${workshopId}`, removed.cookie)).status).toBe(303);
  });

  it('turns a guest into an account through an invitation made for them', async () => {
    const lou = await guest('Lou', organisationId);
    const invited = await act('invite', { userId: lou.userId });
    expect(invited.status).toBe(200);
    const page = await (await get(guestsPage.replace(':id', workshopId), facilitator)).text();
    expect(page).toContain('Invitation créée');
    // The link is shown once, in the action's answer (SvelteKit's form data in the page).
    const answer = await (
      await fetch(`${platform.baseUrl}${guestsPage.replace(':id', workshopId)}?/invite`, {
        method: 'POST',
        headers: {
          origin: platform.baseUrl,
          accept: 'application/json',
          'x-sveltekit-action': 'true',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: facilitator,
        },
        body: new URLSearchParams({ userId: lou.userId }),
      })
    ).text();
    const token = /\/invite\/([a-z2-7]{32})/.exec(answer)?.[1] ?? '';
    expect(token).not.toBe('');
    const signUp = await post(
      '/signup',
      {
        email: 'lou@example.org',
        displayName: 'Lou',
        password: 'un mot de passe assez long',
        invitation: token,
      },
      lou.cookie,
    );
    expect(signUp.status).toBe(303);
    expect(signUp.headers.get('location')).toBe(`/workshops/${workshopId}`);
    const account = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await get(`/workshops/${workshopId}`, account)).status).toBe(200);
    // The guest's session ended with the guest seat; the list says who they became.
    expect((await get(`/workshops/${workshopId}`, lou.cookie)).status).toBe(303);
    const after = await (await get(guestsPage.replace(':id', workshopId), facilitator)).text();
    expect(after).toContain('Devenu·e compte');
    lou.socket.disconnect();
  });

  it('closes guest access: every guest’s connections end, the code stops working', async () => {
    const last = await guest('Dernier');
    const content = await documentWithCookie({
      platform,
      room: `${workshopId}/content`,
      cookie: last.cookie,
    });
    const closed = new Promise<number>((resolve) =>
      content.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    );
    expect((await act('close')).status).toBe(200);
    expect(await closed).toBe(4401);
    content.provider.destroy();
    last.socket.disconnect();
    expect((await get(`/j/${code}`, '')).status).toBe(404);
    expect((await joinByHttp({ platform, code, displayName: 'Trop tard' })).status).toBe(404);
  });

  it('limits wrong codes per address: 429 with Retry-After once 20 were tried', async () => {
    // The closed code above counted twice already; a few more wrong codes reach the limit.
    let attempts = 0;
    let response: Response;
    do {
      response = await get(`/j/ZZZZ${'23456789'[attempts % 8]}${'ABCDEFGH'[attempts % 8]}`, '');
      attempts++;
    } while (response.status === 404 && attempts < 30);
    expect(response.status).toBe(429);
    expect(attempts).toBeGreaterThanOrEqual(15);
    expect(attempts).toBeLessThanOrEqual(20);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    // From this address, even a form post is refused now.
    expect((await joinByHttp({ platform, code: 'ZZZZZZ', displayName: 'X' })).status).toBe(429);
  });
});
