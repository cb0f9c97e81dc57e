import type { OrganisationKind } from '../workshop/organisation-kind.ts';
import type { WorkshopRole, WorkshopStatus } from '../workshop/workshop.ts';
import type { RoadmapStatus } from '../realtime/content-doc.ts';
import type { OccupationFamily } from '../skills/families.ts';
import type { ReportLocale } from './format.ts';
import type { ReportLabels } from './labels.ts';
import type { WorkshopContent } from './read-documents.ts';
import type { SynthesisBlock } from './synthesis.ts';
import type { IndicatorId, IndicatorUnit } from '../scenario-lab/compare.ts';
import type { MapIndicator } from '../scenario-lab-map/map-layers.ts';
import type { Position } from '../scenario-lab-map/geojson.ts';
import type { BoardColour, BoardRect } from '../board/index.ts';

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
  /** The call's questions, for answers (their labels are printed before each answer). */
  questions?: readonly { id: string; label: string }[] | undefined;
}

/** One scenario run by the scenario lab's code path for the report (see `modelResults`). */
export interface ReportScenarioRun {
  /** The workshop's scenario; null for the models' defaults (a workshop without scenarios). */
  scenarioId: string | null;
  /** The scenario it was forked from (the reference it is compared with), when it is a variant. */
  parentId: string | null;
  /** The lab's fingerprint of the compiled inputs (`scenarioHash`), as the lab shows it. */
  fingerprint: string;
  /** When the stored run the figures come from was computed (absent when computed for this report). */
  computedAt?: Date | undefined;
  /** The changes in effect (its own and its parents'), with the reason given for each. */
  changes: readonly {
    key: string;
    value: number | string | boolean;
    reason: string;
    origin: 'self' | 'parent';
  }[];
  /** Changes the models refused, and model errors. */
  problems: readonly { key: string; message: string }[];
  /** Every indicator the lab compares (`INDICATORS`), null when the model failed. */
  indicators: Readonly<Record<IndicatorId, number | null>>;
  /** Skills balance outside the cross-border pole by horizon (years). */
  trend: readonly { horizon: number; demand: number; gap: number; tension: number }[];
  /** Positions to fill and unfilled at 5 years by occupation family, outside the pole. */
  families: readonly { family: OccupationFamily; demand: number; gap: number }[];
}

/** The map of the report as data, in longitude/latitude: the renderer projects and draws it. */
export interface ReportMapData {
  indicator: MapIndicator;
  classes: readonly { min: number; max: number; colour: string; count: number }[];
  /** Internal zones of the mobility model: centre, population, value and fill colour. */
  zones: readonly {
    id: string;
    lon: number;
    lat: number;
    population: number;
    value: number | null;
    colour: string;
  }[];
  /** The model's named roads (one per pair of zones), straight from zone centre to zone centre. */
  roads: readonly { name: string; roadClass: string; coordinates: readonly Position[] }[];
  /** Rail and BRT segments. */
  ptLines: readonly { line: string; kind: string; coordinates: readonly Position[] }[];
  externals: readonly { id: string; lon: number; lat: number }[];
  /** Extent of the internal zones' centres. */
  bounds: { west: number; east: number; south: number; north: number };
}

/** Model results computed by the caller (`modelResults`): one lab run per scenario. */
export interface ReportModelResults {
  /** Model name → version (`LAB_MODEL_VERSIONS`). */
  versions: Readonly<Record<string, string>>;
  /** The models ran on illustrative default data. */
  illustrative: boolean;
  /** One run per scenario of the workshop, in the workshop's order. */
  runs: readonly ReportScenarioRun[];
  /**
   * Each variant compared with the scenario it was forked from (the lab's comparison), already
   * formatted in the report's language (the lab formats numbers and writes the sentences).
   */
  comparisons: readonly {
    scenarioId: string;
    referenceId: string;
    rows: readonly {
      id: IndicatorId;
      unit: IndicatorUnit;
      name: string;
      baseline: string;
      scenario: string;
      difference: string;
      relative: number | null;
      sentence: string;
    }[];
  }[];
  /** The reference scenario's map. */
  map?: ReportMapData | undefined;
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
  /** The workshop's seats; `guest`: someone who joined by the code, listed as a guest. */
  members: readonly {
    userId: string;
    displayName: string;
    role: WorkshopRole;
    organisationId: string;
    guest?: boolean;
  }[];
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
  /** The commune's name ("Florange"), the code when it is not a commune of the territory. */
  commune: string;
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
  status: 'open' | 'closed';
  statusLabel: string;
  anonymous: boolean;
  voterCount: number;
  options: { label: string; votes: number; share: number }[];
  /** The option with the most votes when the poll is closed and there is exactly one; never while open. */
  winner: string | null;
  /** What the poll decided, in words: the choice, a tie, or that the vote is still open. */
  outcome: string;
}

/** A scenario of the report: what it changes, in words, and the lab's fingerprint of its inputs. */
export interface ReportScenario {
  scenarioId: string | null;
  title: string;
  description: string;
  /** The scenario it is compared with (its parent in the lab), when it is a variant. */
  referenceTitle: string | null;
  fingerprint: string;
  /** When its stored run was computed, in the report's language and Paris time; '' when none. */
  computedAtLabel: string;
  changes: { text: string; reason: string; inherited: boolean }[];
  problems: string[];
}

/** One indicator of the lab for every scenario: the raw value and the one text every format prints. */
export interface ReportIndicatorRow {
  id: IndicatorId;
  name: string;
  unit: IndicatorUnit;
  /** One cell per scenario, in the order of `ReportScenarios.scenarios`. */
  values: { raw: number | null; text: string }[];
}

export interface ReportScenarios {
  note: string;
  scenarios: ReportScenario[];
  indicators: ReportIndicatorRow[];
  /** Variants compared with their reference by the lab, in the report's language. */
  comparisons: {
    scenarioId: string;
    title: string;
    referenceTitle: string;
    rows: {
      id: IndicatorId;
      name: string;
      baseline: string;
      scenario: string;
      difference: string;
      sentence: string;
    }[];
  }[];
  /** Unfilled positions by horizon for every scenario (the trend chart). */
  trend: { horizons: number[]; series: { title: string; values: number[]; texts: string[] }[] };
}

/** The map of the report, its words in the report's language. */
export interface ReportMap {
  title: string;
  /** Alternative text: what the map shows, for screen readers. */
  description: string;
  legendTitle: string;
  classes: { label: string; colour: string }[];
  /** Keys of the other layers (roads, PT lines, towns). */
  keys: { roads: string; rail: string; brt: string; noData: string };
  zones: {
    id: string;
    name: string;
    value: number | null;
    valueText: string;
    colour: string;
    lon: number;
    lat: number;
    population: number;
  }[];
  roads: ReportMapData['roads'];
  ptLines: ReportMapData['ptLines'];
  externals: { id: string; name: string; lon: number; lat: number }[];
  bounds: ReportMapData['bounds'];
  /** The figures behind the map, as a table (the map's text alternative). */
  table: { columns: string[]; rows: string[][] };
}

/**
 * The ideas board as the room draws it (`boardLayout`: the same rectangles, in board units), its
 * words in the report's language: what the PDF and DOCX draw as a figure.
 */
export interface ReportBoard {
  title: string;
  /** Alternative text: the number of cards (anonymous ones), the groups with their cards, the others. */
  description: string;
  /** The box around every group and card. */
  bounds: BoardRect;
  /** Drawn first, under the cards. An untitled group is "Groupe de N cartes". */
  groups: (BoardRect & { id: string; title: string; color: BoardColour; cardCount: number })[];
  cards: (BoardRect & {
    id: string;
    text: string;
    /**
     * Who wrote it, as the board says it: the person and organisation, the organisation alone in an
     * anonymised report, `labels.board.anonymous` for an anonymous card (never its author).
     */
    author: string;
    anonymous: boolean;
    groupId: string | null;
    color: BoardColour;
  })[];
}

/** The one-page summary for elected officials. */
export interface ReportSummary {
  purpose: string;
  keyNeeds: { label: string; headcount: number; organisations: number; communes: string[] }[];
  actions: { title: string; owner: string; start: string; due: string; status: string }[];
  scenario: {
    title: string;
    /** How it was chosen, or that it is only studied (no closed vote on scenarios). */
    basis: string;
    referenceTitle: string;
    effects: string[];
  } | null;
  nextSteps: string[];
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
    /** The models ran on their illustrative default data (the cover says so). */
    illustrative: boolean;
  };
  summary: ReportSummary;
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
    /** "H2913 Soudage manuel" for each occupation. */
    occupations: string[];
    seatsPerYear: number;
    durationMonths: number;
    communeCode: string;
    commune: string;
    startLabel: string;
    /** ISO day of the first intake, or empty. */
    startDay: string;
    description: string;
  }[];
  roadmap: { rows: ReportActionRow[]; range: { from: string; to: string } | null };
  scenarios: ReportScenarios | null;
  /** The workshop's occupation families in the skills model at 5 years (reference scenario). */
  skillsBalance: {
    horizon: number;
    scenarioTitle: string;
    rows: {
      family: OccupationFamily;
      label: string;
      recorded: number;
      demand: number;
      gap: number;
      tension: number;
    }[];
  } | null;
  map: ReportMap | null;
  synthesis: SynthesisBlock[];
  /** `group`: the title of the board's group the card is in (as the board shows it), or empty. */
  ideas: { id: string; category: string; group: string; text: string; organisation: string }[];
  /** The ideas board as a picture (null without cards). */
  board: ReportBoard | null;
  /** Accepted contributions as the items they became in the workshop (items since removed are left out). */
  contributions: {
    id: string;
    kindLabel: string;
    organisation: string;
    author: string | null;
    date: string;
    dateLabel: string;
    items: string[];
  }[];
  provenance: {
    versionLabel: string;
    exportedAtLabel: string;
    exportedBy: string | null;
    /** The models in plain words, with their versions. */
    models: string[];
    /** Each scenario's fingerprint, as the scenario lab shows it, and when its stored run was computed. */
    fingerprints: { title: string; fingerprint: string; computedAtLabel: string }[];
    skipped: { collection: string; count: number }[];
    illustrative: boolean;
    licence: string | null;
    /** As `meta.fictional`: the provenance says the data are fictional. */
    fictional: boolean;
  };
}
