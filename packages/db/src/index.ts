export { createDb, redactUrl } from './client.ts';
export type { Db, Sql, Queryable, CreateDbOptions } from './client.ts';
export { openEmbedded, findRunningEmbedded, EMBEDDED_MAX_CONNECTIONS } from './embedded.ts';
export type { EmbeddedServer } from './embedded.ts';
export { defaultDataDir, findRepoRoot } from './paths.ts';
export { migrate, readMigrations } from './migrate.ts';
export type { Migration, MigrateResult } from './migrate.ts';
export { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PARTICIPANTS, DEMO_ORGANISATIONS } from './seed.ts';
export type { SeedResult } from './seed.ts';
export { DbConnectionError, MigrationError, EmbeddedDbError } from './errors.ts';
export { hashPassword, verifyPassword, verifyAgainstDummy } from './passwords.ts';
export * as users from './repositories/users.ts';
export * as sessions from './repositories/sessions.ts';
export { SESSION_COOKIE, SESSION_LIFETIME_MS } from './repositories/sessions.ts';
export * as organisations from './repositories/organisations.ts';
export * as workshops from './repositories/workshops.ts';
export * as workshopOrganisations from './repositories/workshop-organisations.ts';
export * as signInThrottle from './repositories/sign-in-throttle.ts';
export {
  THROTTLE_WINDOW_MS,
  ACCOUNT_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
} from './repositories/sign-in-throttle.ts';
export type { ThrottleVerdict } from './repositories/sign-in-throttle.ts';
export * as rateLimits from './repositories/rate-limits.ts';
export type { RateRule, RateVerdict, RateSubject } from './repositories/rate-limits.ts';
export * as audit from './repositories/audit.ts';
export type { AuditEntry } from './repositories/audit.ts';
export * as invitations from './repositories/invitations.ts';
export * as guests from './repositories/guests.ts';
export type { Guest, GuestAccess, GuestSeat, JoinTarget, JoinResult } from './repositories/guests.ts';
export type { Invitation, InvitationWithWorkshop } from './repositories/invitations.ts';
export * as contributions from './repositories/contributions.ts';
export * as versions from './repositories/versions.ts';
export type {
  ContributionListing,
  ContributionKind,
  Contribution,
  ContributionDetails,
  ContributionStatus,
  SubmitOutcome,
} from './repositories/contributions.ts';
export * as calls from './repositories/calls.ts';
export type {
  Call,
  CallWithCounts,
  CallForContributor,
  CallQuestion,
  CallAsk,
} from './repositories/calls.ts';
export * as notifications from './repositories/notifications.ts';
export type { Notification, NotificationKind } from './repositories/notifications.ts';
export type { User } from './repositories/users.ts';
export type { Session, SessionUser } from './repositories/sessions.ts';
export type {
  Organisation,
  OrganisationMember,
  OrganisationSuggestion,
} from './repositories/organisations.ts';
// --- joining an organisation (issue 20): requests an administrator approves ---
export * as membershipRequests from './repositories/membership-requests.ts';
export type {
  MembershipRequest,
  MembershipRequestStatus,
  PendingRequest,
  RequestOutcome,
} from './repositories/membership-requests.ts';
export type { Workshop, WorkshopForUser, WorkshopDetails, WorkshopMember } from './repositories/workshops.ts';
// --- realtime (apps/realtime): Yjs log, workshop access, facilitation state ---
export * as yjsStore from './repositories/yjs.ts';
export type { StoredDocument } from './repositories/yjs.ts';
export * as seats from './repositories/seats.ts';
export type { WorkshopAccess } from './repositories/seats.ts';
export * as facilitation from './repositories/facilitation.ts';
export type { LiveState, StoredPoll, StoredBallot } from './repositories/facilitation.ts';
// --- exports: the export history of a workshop, with the files ---
export * as exportHistory from './repositories/exports.ts';
export { loadReportInput, UnknownVersionError } from './report-input.ts';
// --- scenario runs (issue 21): one stored run per fingerprint of a scenario's inputs ---
export * as scenarioRuns from './repositories/scenario-runs.ts';
export type { FindResult as ScenarioRunLookup, RunLog } from './repositories/scenario-runs.ts';
export type { ExportListing, ExportFile, ExportFormat } from './repositories/exports.ts';
// --- e-mail (issue 20): the outbox, preferences, password resets, call notices ---
export * as outbox from './repositories/outbox.ts';
export type { OutboxMessage, OutboxKind, OutboxStatus } from './repositories/outbox.ts';
export * as emailPreferences from './repositories/email-preferences.ts';
export {
  EMAIL_NOTIFICATION_KINDS,
  EMAIL_DELIVERIES,
  DEFAULT_DELIVERY,
  NEW_DEVICE_SIGN_IN,
} from './repositories/email-preferences.ts';
export type { EmailNotificationKind, EmailDelivery } from './repositories/email-preferences.ts';
export * as passwordResets from './repositories/password-resets.ts';
export * as callNotices from './repositories/call-notices.ts';
export * as emailSecrets from './repositories/email-secrets.ts';
export * as knownDevices from './repositories/known-devices.ts';
