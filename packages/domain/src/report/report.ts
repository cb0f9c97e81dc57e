import type { OrganisationKind } from '../workshop/organisation-kind.ts';
import type { WorkshopRole, WorkshopStatus } from '../workshop/workshop.ts';
import type { RoadmapStatus } from '../realtime/content-doc.ts';
import type { OccupationFamily } from '../skills/families.ts';
import type { ReportLocale } from './format.ts';
import type { ReportLabels } from './labels.ts';
import type { WorkshopContent } from './read-documents.ts';
import type { SynthesisBlock } from './synthesis.ts';

/** Which state of the documents a report shows. */
export type ReportVersion = { kind: 'current' } | { kind: 'saved'; id: string; name: string; savedAt: Date };

export interface ReportPollInput {
  id: string;
  question: string;
  options: readonly string[];
  kind: 'poll' | 'dots';
  anonymous: boolean;
  status: 'open' | 'closed';
  /** One allocation (option index as text → dots) per voter. */
  ballots: readonly Readonly<Record<string, number>>[];
}

export interface ReportContributionInput {
  id: string;
  kind: 'needs' | 'training_offer' | 'comment' | 'answers';
  status: string;
  authorName: string | null;
  organisationId: string;
  payload: unknown;
  createdAt: Date;
}

/** Model results computed by the caller (the server) for the baseline and each scenario. */
export interface ReportModelResults {
  /** Model name → version, printed in the provenance section. */
  versions: Readonly<Record<string, string>>;
  /** The models ran on illustrative default data. */
  illustrative: boolean;
  /** Only the baseline could be computed (the scenarios' assumptions are not mapped to the models). */
  baselineOnly: boolean;
  /** Indicator keys (see `ReportLabels.indicators`) in display order. */
  indicators: readonly string[];
  /** The baseline first (scenarioId null), then one column per scenario that was computed. */
  columns: readonly { scenarioId: string | null; values: Readonly<Record<string, number>> }[];
  /**
   * Scenario-lab comparisons of each variant with the lab's baseline, already formatted in the
   * report's language (the lab formats numbers and writes the sentences).
   */
  comparisons?: readonly {
    scenarioId: string;
    rows: readonly {
      name: string;
      baseline: string;
      scenario: string;
      difference: string;
      sentence: string;
    }[];
  }[];
  /** One indicator by zone of the mobility model, to draw as a map (baseline). */
  map?: {
    indicator: string;
    points: readonly { label: string; lon: number; lat: number; value: number; weight: number }[];
  };
  skillsBalance?: {
    horizon: number;
    rows: readonly {
      occupation: string;
      territory: string;
      demand: number;
      supply: number;
      gap: number;
      tension: number;
    }[];
  };
}

/** Everything a report is made from: plain data, read from the database and the documents. */
export interface ReportInput {
  locale: ReportLocale;
  /** People's names removed; organisations kept. */
  anonymised: boolean;
  exportedAt: Date;
  exportedBy: string | null;
  version: ReportVersion;
  /** The licence chosen for open data (printed in the provenance). */
  licence?: string | undefined;
  workshop: {
    id: string;
    title: string;
    description: string;
    territory: string;
    status: WorkshopStatus;
    startsAt: Date | null;
  };
  /** `fictional`: an organisation invented for a demonstration (the report then says so). */
  organisations: readonly { id: string; name: string; kind: OrganisationKind; fictional?: boolean }[];
  members: readonly { userId: string; displayName: string; role: WorkshopRole; organisationId: string }[];
  content: WorkshopContent;
  polls: readonly ReportPollInput[];
  /** The workshop's contributions; only accepted ones are reported. */
  contributions: readonly ReportContributionInput[];
  models?: ReportModelResults | undefined;
}

export interface ReportNeedRow {
  id: string;
  romeCode: string;
  family: OccupationFamily;
  title: string;
  organisation: string;
  headcount: number;
  horizonMonths: number;
  communeCode: string;
  contract: string;
  difficulty: number;
  crossBorder: boolean;
  comment: string;
}

export interface ReportActionRow {
  id: string;
  title: string;
  description: string;
  owner: string;
  partners: string[];
  /** As typed (ISO day or J+N) and resolved to an ISO day when possible. */
  start: { raw: string; day: string | undefined; label: string };
  due: { raw: string; day: string | undefined; label: string };
  status: RoadmapStatus;
  statusLabel: string;
  needs: string[];
}

export interface ReportPoll {
  id: string;
  question: string;
  kindLabel: string;
  statusLabel: string;
  anonymous: boolean;
  voterCount: number;
  options: { label: string; votes: number; share: number }[];
  /** The option with the most votes, when there is exactly one. */
  winner: string | null;
}

/** The report of one workshop: what every format (PDF, DOCX, CSV, XLSX) renders. */
export interface Report {
  locale: ReportLocale;
  labels: ReportLabels;
  meta: {
    workshopId: string;
    title: string;
    description: string;
    territory: string;
    status: WorkshopStatus;
    statusLabel: string;
    dateLabel: string | null;
    versionLabel: string;
    exportedAtLabel: string;
    exportedAt: string;
    exportedBy: string | null;
    anonymised: boolean;
    licence: string | null;
    /** An organisation the report names is fictional: its data are invented (a demonstration). */
    fictional: boolean;
  };
  participants: {
    kind: OrganisationKind;
    kindLabel: string;
    organisations: { id: string; name: string; people: { name: string | null; role: string }[] }[];
  }[];
  agenda: { title: string; kindLabel: string; durationMinutes: number; notes: string }[];
  decisions: ReportPoll[];
  needs: {
    count: number;
    totalHeadcount: number;
    groups: { family: OccupationFamily; label: string; headcount: number; rows: ReportNeedRow[] }[];
  };
  trainingOffers: {
    id: string;
    title: string;
    organisation: string;
    romeCodes: string[];
    seatsPerYear: number;
    durationMonths: number;
    communeCode: string;
    startLabel: string;
    /** ISO day of the first intake, or empty. */
    startDay: string;
    description: string;
  }[];
  roadmap: { rows: ReportActionRow[]; range: { from: string; to: string } | null };
  scenarios: {
    note: string;
    baselineOnly: boolean;
    definitions: { id: string; title: string; description: string; assumptions: [string, string][] }[];
    indicators: { key: string; label: string; unit: 'count' | 'share' }[];
    /** Baseline first. */
    columns: { scenarioId: string | null; title: string; values: Record<string, number> }[];
    /** Variants compared with the baseline by the scenario lab, in the report's language. */
    comparisons: {
      scenarioId: string;
      title: string;
      rows: { name: string; baseline: string; scenario: string; difference: string; sentence: string }[];
    }[];
  } | null;
  skillsBalance: NonNullable<ReportModelResults['skillsBalance']> | null;
  /** The map of the scenario section: title, legend and points (value a share, weight for the size). */
  map: { title: string; legend: string; points: NonNullable<ReportModelResults['map']>['points'] } | null;
  synthesis: SynthesisBlock[];
  ideas: { id: string; category: string; text: string; organisation: string }[];
  contributions: {
    id: string;
    kindLabel: string;
    organisation: string;
    author: string | null;
    date: string;
    dateLabel: string;
    summary: string;
  }[];
  provenance: {
    versionLabel: string;
    exportedAtLabel: string;
    exportedBy: string | null;
    models: [string, string][];
    skipped: { collection: string; count: number }[];
    illustrative: boolean;
    licence: string | null;
    /** As `meta.fictional`: the provenance says the data are fictional. */
    fictional: boolean;
  };
}
