// Every e-mail of the platform, in the recipient's language, as plain text and HTML. The texts are
// Paraglide messages (messages/mail), the same catalogue as the pages: one i18n system. Every
// value that came from people (titles, names, reasons) is escaped in the HTML part.
import type { OutboxKind } from '@atelier/db';
import { CONTRIBUTION_KINDS, type ContributionKind, type WorkshopRole } from '@atelier/domain';
// Relative imports (no $lib): the worker also runs outside Vite, e.g. in a test's child process.
import { TIME_ZONE } from '../../dates.ts';
import { m } from '../../paraglide/messages.js';

export type MailLocale = 'fr' | 'en' | 'de';

export interface MailInput {
  kind: OutboxKind;
  locale: MailLocale;
  payload: Record<string, unknown>;
}

export interface MailLinks {
  /** The app's public address, without a trailing slash. */
  origin: string;
  /** The one-click unsubscribe page of this message's topic; none for essential messages. */
  unsubscribe?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The address the message's button leads to. */
  link?: string;
}

interface Shape {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after?: string[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 2000) : '');
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Whether a message may be turned off: everything except invitations and password resets. */
export function isEssential(kind: OutboxKind): boolean {
  return kind === 'invitation' || kind === 'password_reset';
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function formatDate(value: unknown, locale: MailLocale): string {
  const date = new Date(str(value));
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

function roleName(role: unknown, locale: MailLocale): string {
  const options = { locale };
  switch (role as WorkshopRole) {
    case 'facilitator':
      return m.role_facilitator({}, options);
    case 'observer':
      return m.role_observer({}, options);
    default:
      return m.role_participant({}, options);
  }
}

function contributionKindName(kind: unknown, locale: MailLocale): string {
  if (!(CONTRIBUTION_KINDS as readonly string[]).includes(str(kind))) return '';
  const options = { locale };
  switch (kind as ContributionKind) {
    case 'needs':
      return m.contrib_kind_needs({}, options);
    case 'training_offer':
      return m.contrib_kind_training_offer({}, options);
    case 'comment':
      return m.contrib_kind_comment({}, options);
    case 'answers':
      return m.contrib_kind_answers({}, options);
  }
}

/** One notification as one sentence (the digest lists them). */
function notificationLine(kind: string, details: Record<string, unknown>, locale: MailLocale): string {
  const options = { locale };
  const call = str(details.callTitle);
  const kindName = contributionKindName(details.contributionKind, locale);
  switch (kind) {
    case 'call_opened':
      return m.notif_call_opened({ organisation: str(details.organisationName), call }, options);
    case 'call_closing':
      return m.notif_call_closing({ call, date: formatDate(details.closesAt, locale) }, options);
    case 'contribution_accepted':
      return m.contrib_notif_accepted({ kind: kindName, call }, options);
    case 'contribution_rejected':
      return m.contrib_notif_rejected({ kind: kindName, call }, options);
    case 'contribution_submitted':
      return m.contrib_notif_submitted(
        { organisation: str(details.organisationName), kind: kindName, call },
        options,
      );
    case 'membership_requested':
      return m.notif_membership_requested(
        { person: str(details.requesterName), organisation: str(details.organisationName) },
        options,
      );
    case 'membership_decided':
      return membershipDecision(details, locale);
    default:
      return '';
  }
}

function membershipDecision(details: Record<string, unknown>, locale: MailLocale): string {
  const organisation = str(details.organisationName);
  return details.decision === 'approved'
    ? m.notif_membership_approved({ organisation }, { locale })
    : m.notif_membership_refused({ organisation }, { locale });
}

/** 'Firefox on Windows': families only, never a version; proper names stay as they are. */
function browserPhrase(payload: Record<string, unknown>, locale: MailLocale): string {
  const browser = str(payload.browser);
  const os = str(payload.os);
  if (!browser || browser === 'other') return m.mail_new_device_unknown({}, { locale });
  return os && os !== 'other' ? m.mail_new_device_browser({ browser, os }, { locale }) : browser;
}

function shape(input: MailInput, origin: string): Shape {
  const { payload, locale } = input;
  const options = { locale };
  const details = record(payload.details);
  const call = str(details.callTitle);
  const workshop = str(details.workshopTitle);
  const organisation = str(details.organisationName);
  const kindName = contributionKindName(details.contributionKind, locale);
  const callUrl = `${origin}/contribute/${encodeURIComponent(str(details.callId))}`;
  const notificationsUrl = `${origin}/notifications`;
  switch (input.kind) {
    case 'invitation': {
      const title = str(payload.workshopTitle);
      return {
        subject: m.mail_invitation_subject({ workshop: title }, options),
        paragraphs: [
          m.mail_invitation_body(
            { inviter: str(payload.inviterName), workshop: title, role: roleName(payload.role, locale) },
            options,
          ),
          ...(str(payload.organisationName)
            ? [m.mail_invitation_for({ organisation: str(payload.organisationName) }, options)]
            : []),
          ...(str(payload.callTitle)
            ? [m.mail_invitation_call({ call: str(payload.callTitle) }, options)]
            : []),
          m.mail_invitation_account({}, options),
        ],
        action: {
          label: m.mail_invitation_action({}, options),
          url: `${origin}/invite/${encodeURIComponent(str(payload.secret))}`,
        },
        after: [m.mail_invitation_expires({ date: formatDate(payload.expiresAt, locale) }, options)],
      };
    }
    case 'password_reset':
      return {
        subject: m.mail_reset_subject({}, options),
        paragraphs: [m.mail_reset_body({}, options)],
        action: {
          label: m.mail_reset_action({}, options),
          url: `${origin}/reset/${encodeURIComponent(str(payload.secret))}`,
        },
        after: [m.mail_reset_expires({}, options), m.mail_reset_ignore({}, options)],
      };
    case 'call_opened':
      return {
        subject: m.mail_call_opened_subject({ call }, options),
        paragraphs: [
          m.mail_call_opened_body(
            { workshop, organisation, call, date: formatDate(details.closesAt, locale) },
            options,
          ),
        ],
        action: { label: m.mail_call_action({}, options), url: callUrl },
      };
    case 'call_closing':
      return {
        subject: m.mail_call_closing_subject({ call }, options),
        paragraphs: [
          m.mail_call_closing_body(
            { workshop, organisation, call, date: formatDate(details.closesAt, locale) },
            options,
          ),
        ],
        action: { label: m.mail_call_action({}, options), url: callUrl },
      };
    case 'contribution_accepted':
      return {
        subject: m.mail_accepted_subject({ call }, options),
        paragraphs: [m.mail_accepted_body({ kind: kindName, call, workshop }, options)],
        action: { label: m.mail_notifications_action({}, options), url: notificationsUrl },
      };
    case 'contribution_rejected': {
      const refused = Array.isArray(details.refusedNeeds)
        ? details.refusedNeeds.map(str).filter(Boolean)
        : [];
      return {
        subject: m.mail_rejected_subject({ call }, options),
        paragraphs: [
          refused.length > 0
            ? m.mail_partly_rejected_body({ call, workshop, list: refused.join(', ') }, options)
            : m.mail_rejected_body({ kind: kindName, call, workshop }, options),
          ...(str(details.reason) ? [m.mail_reason({ reason: str(details.reason) }, options)] : []),
        ],
        action: { label: m.mail_notifications_action({}, options), url: notificationsUrl },
      };
    }
    case 'contribution_submitted':
      return {
        subject: m.mail_submitted_subject({ call }, options),
        paragraphs: [m.mail_submitted_body({ organisation, kind: kindName, call, workshop }, options)],
        action: {
          label: m.mail_moderation_action({}, options),
          url: `${origin}/workshops/${encodeURIComponent(str(payload.workshopId))}/calls/moderation`,
        },
      };
    case 'membership_requested': {
      const person = str(details.requesterName);
      return {
        subject: m.mail_membership_requested_subject({ person, organisation }, options),
        paragraphs: [m.mail_membership_requested_body({ person, organisation }, options)],
        action: {
          label: m.mail_membership_requested_action({}, options),
          url: `${origin}/organisations/${encodeURIComponent(str(details.organisationId))}#requests`,
        },
      };
    }
    case 'membership_decided':
      return {
        subject: m.mail_membership_decided_subject({ organisation }, options),
        paragraphs: [membershipDecision(details, locale)],
        action: {
          label: m.mail_membership_decided_action({}, options),
          url:
            details.decision === 'approved'
              ? `${origin}/organisations/${encodeURIComponent(str(details.organisationId))}`
              : `${origin}/organisations/join`,
        },
      };
    case 'new_device_sign_in':
      return {
        subject: m.mail_new_device_subject({}, options),
        paragraphs: [
          m.mail_new_device_body(
            {
              date: formatDate(payload.at, locale),
              browser: browserPhrase(payload, locale),
              address: str(payload.address) || m.mail_new_device_unknown_address({}, options),
            },
            options,
          ),
          m.mail_new_device_yours({}, options),
        ],
        // The page that lists the sessions and signs out the others.
        action: { label: m.mail_new_device_action({}, options), url: `${origin}/account/sessions` },
        after: [m.mail_new_device_not_you({ url: `${origin}/reset` }, options)],
      };
    case 'digest': {
      const items = Array.isArray(payload.items) ? payload.items.map(record) : [];
      return {
        subject: m.mail_digest_subject({ count: items.length }, options),
        paragraphs: [
          m.mail_digest_intro({}, options),
          ...items.map((item) => `• ${notificationLine(str(item.kind), record(item.details), locale)}`),
        ],
        action: { label: m.mail_notifications_action({}, options), url: notificationsUrl },
      };
    }
    default: {
      const unreachable: never = input.kind;
      return unreachable;
    }
  }
}

/**
 * Renders one message of the outbox: subject, plain text and HTML in its language.
 *
 * @example renderMail({ kind: 'password_reset', locale: 'de', payload: { secret } }, { origin })
 */
export function renderMail(input: MailInput, links: MailLinks): RenderedMail {
  const { locale } = input;
  const options = { locale };
  const content = shape(input, links.origin);
  const unsubscribe = isEssential(input.kind) ? undefined : links.unsubscribe;
  const preferences = `${links.origin}/account/notifications`;

  const text = [
    m.mail_greeting({}, options),
    ...content.paragraphs,
    // French puts a space before the colon.
    ...(content.action
      ? [`${content.action.label}${locale === 'fr' ? ' :' : ':'} ${content.action.url}`]
      : []),
    ...(content.after ?? []),
    m.mail_signature({}, options),
    ...(unsubscribe
      ? [
          '--',
          m.mail_unsubscribe_text({ url: unsubscribe }, options),
          m.mail_preferences_text({ url: preferences }, options),
        ]
      : []),
  ].join('\n\n');

  const p = (line: string) => `<p style="margin:0 0 1em">${escapeHtml(line)}</p>`;
  const action = content.action
    ? `<p style="margin:1.5em 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:0.6em 1.2em;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 1em;font-size:0.9em;color:#444444">${escapeHtml(
        m.mail_link_fallback({ url: content.action.url }, options),
      )}</p>`
    : '';
  const footer = unsubscribe
    ? `<hr style="border:none;border-top:1px solid #dddddd;margin:2em 0 1em">` +
      `<p style="font-size:0.85em;color:#555555"><a href="${escapeHtml(unsubscribe)}">${escapeHtml(
        m.mail_unsubscribe_label({}, options),
      )}</a> · <a href="${escapeHtml(preferences)}">${escapeHtml(m.prefs_title({}, options))}</a></p>`
    : '';
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111111;max-width:40em;margin:0 auto;padding:1em">` +
    p(m.mail_greeting({}, options)) +
    content.paragraphs.map(p).join('') +
    action +
    (content.after ?? []).map(p).join('') +
    p(m.mail_signature({}, options)) +
    footer +
    `</body></html>`;

  return { subject: content.subject, text, html, link: content.action?.url };
}
