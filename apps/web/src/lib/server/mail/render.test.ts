import { readFileSync } from 'node:fs';
import type { OutboxKind } from '@atelier/db';
import { describe, expect, it } from 'vitest';
import { renderMail, type MailLocale } from './render.ts';

const origin = 'https://atelier.example.org';
const unsubscribe = `${origin}/unsubscribe/token`;
const details = {
  callId: '6f1c1d35-5b8e-4a37-9c39-7f0b1f7d2c11',
  callTitle: 'Besoins <script>alert(1)</script> 2027',
  workshopTitle: 'Compétences & industrie',
  organisationName: 'Aciérie "Nord"',
  contributionKind: 'needs',
  closesAt: '2026-12-15T17:00:00.000Z',
  reason: 'Hors périmètre',
};
const payloads: Record<OutboxKind, Record<string, unknown>> = {
  invitation: {
    secret: 'abcdefghijklmnopqrstuvwxyz234567',
    workshopTitle: 'Compétences & industrie',
    inviterName: 'Fanny',
    role: 'participant',
    organisationName: 'Aciérie',
    callTitle: null,
    expiresAt: '2026-12-20T10:00:00.000Z',
  },
  password_reset: { secret: 'abcdefghijklmnopqrstuvwxyz234567' },
  call_opened: { details },
  call_closing: { details },
  contribution_accepted: { details },
  contribution_rejected: { details },
  contribution_submitted: { details, workshopId: 'a9a0c6a2-9f3a-4d0e-8d0a-1f2e3d4c5b6a' },
  membership_requested: {
    details: {
      organisationId: 'b1c2d3e4-0000-4000-8000-000000000001',
      organisationName: 'Aciérie',
      requesterName: 'Noé',
    },
  },
  membership_decided: {
    details: {
      organisationId: 'b1c2d3e4-0000-4000-8000-000000000001',
      organisationName: 'Aciérie',
      decision: 'approved',
    },
  },
  new_device_sign_in: {
    at: '2026-12-07T18:05:00.000Z',
    browser: 'Firefox',
    os: 'Windows',
    address: '203.0.113.x',
  },
  digest: {
    items: [
      { kind: 'contribution_accepted', details },
      { kind: 'call_closing', details },
    ],
  },
};
/** A word each language's subject or text must hold, so a message in the wrong language fails. */
const greeting: Record<MailLocale, string> = { fr: 'Bonjour,', en: 'Hello,', de: 'Guten Tag,' };
const links: Record<OutboxKind, string> = {
  invitation: '/invite/abcdefghijklmnopqrstuvwxyz234567',
  password_reset: '/reset/abcdefghijklmnopqrstuvwxyz234567',
  call_opened: `/contribute/${details.callId}`,
  call_closing: `/contribute/${details.callId}`,
  contribution_accepted: '/notifications',
  contribution_rejected: '/notifications',
  contribution_submitted: '/workshops/a9a0c6a2-9f3a-4d0e-8d0a-1f2e3d4c5b6a/calls/moderation',
  membership_requested: '/organisations/b1c2d3e4-0000-4000-8000-000000000001#requests',
  membership_decided: '/organisations/b1c2d3e4-0000-4000-8000-000000000001',
  new_device_sign_in: '/account/sessions',
  digest: '/notifications',
};

describe('the e-mails', () => {
  for (const kind of Object.keys(payloads) as OutboxKind[]) {
    for (const locale of ['fr', 'en', 'de'] as const) {
      it(`writes ${kind} in ${locale}, as text and HTML, with its link`, () => {
        const mail = renderMail({ kind, locale, payload: payloads[kind] }, { origin, unsubscribe });
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text.startsWith(greeting[locale])).toBe(true);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.link).toBe(`${origin}${links[kind]}`);
        expect(mail.text).toContain(mail.link);
        expect(mail.html).toContain(`href="${mail.link}"`);
        // People's words are escaped in HTML; no tag of theirs gets through.
        expect(mail.html).not.toMatch(/<script|alert\(1\)<\/script>/);
        const essential = kind === 'invitation' || kind === 'password_reset';
        expect(mail.text.includes(unsubscribe)).toBe(!essential);
        expect(mail.html.includes(`href="${unsubscribe}"`)).toBe(!essential);
      });
    }
  }

  it('escapes titles in HTML and keeps them as typed in text', () => {
    const mail = renderMail({ kind: 'call_opened', locale: 'fr', payload: { details } }, { origin });
    expect(mail.text).toContain('Besoins <script>alert(1)</script> 2027');
    expect(mail.html).toContain('Besoins &lt;script&gt;alert(1)&lt;/script&gt; 2027');
    expect(mail.html).toContain('Aciérie &quot;Nord&quot;');
    expect(mail.subject).toBe('Appel à contributions ouvert : « Besoins <script>alert(1)</script> 2027 »');
  });

  it('gives dates in the recipient language and Paris time', () => {
    const fr = renderMail({ kind: 'call_closing', locale: 'fr', payload: { details } }, { origin });
    const de = renderMail({ kind: 'call_closing', locale: 'de', payload: { details } }, { origin });
    expect(fr.text).toContain('15 décembre 2026 à 18:00');
    expect(de.text).toContain('15. Dezember 2026 um 18:00');
  });

  it('tells a sign-in from a new device with its time, browser and approximate address only', () => {
    const payload = payloads.new_device_sign_in;
    const fr = renderMail({ kind: 'new_device_sign_in', locale: 'fr', payload }, { origin, unsubscribe });
    expect(fr.subject).toBe('Nouvelle connexion à votre compte Atelier');
    expect(fr.text).toContain('le 7 décembre 2026 à 19:05');
    expect(fr.text).toContain('Firefox sous Windows, adresse réseau approximative 203.0.113.x.');
    expect(fr.text).toContain(`${origin}/reset`);
    const de = renderMail({ kind: 'new_device_sign_in', locale: 'de', payload }, { origin });
    expect(de.text).toContain('Firefox unter Windows, ungefähre Netzwerkadresse 203.0.113.x.');
    const unknown = renderMail(
      {
        kind: 'new_device_sign_in',
        locale: 'en',
        payload: { at: payload.at, browser: 'other', os: 'other' },
      },
      { origin },
    );
    expect(unknown.text).toContain('unrecognised browser, approximate network address unknown.');
  });

  it('has every French text of the mail catalogue in English and German, with the same placeholders', () => {
    const read = (locale: string): Record<string, string> =>
      JSON.parse(readFileSync(new URL(`../../../../messages/mail/${locale}.json`, import.meta.url), 'utf8'));
    const fr = read('fr');
    const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of ['en', 'de']) {
      const other = read(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(fr))
        expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});
