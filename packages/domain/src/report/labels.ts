import type { OrganisationKind } from '../workshop/organisation-kind.ts';
import type { WorkshopRole, WorkshopStatus } from '../workshop/workshop.ts';
import type { ContractType, RoadmapStatus } from '../realtime/content-doc.ts';
import type { AgendaItemKind } from '../realtime/facilitation-doc.ts';
import type { ReportLocale } from './format.ts';
import { de } from './labels-de.ts';
import { en } from './labels-en.ts';
import { fr } from './labels-fr.ts';

/**
 * Every word a rendered report prints, in one language. The report is written in the
 * facilitator's interface language; the renderers (PDF, DOCX, CSV, XLSX) take their words
 * from here so that all formats say the same thing. Each language is a complete object of this
 * type (no language falls back on another): a missing word fails to compile, and
 * `labels.test.ts` checks that none is empty.
 */
export interface ReportLabels {
  reportTitle: string;
  contents: string;
  sections: {
    summary: string;
    participants: string;
    agenda: string;
    decisions: string;
    needs: string;
    trainingOffers: string;
    roadmap: string;
    timeline: string;
    scenarios: string;
    skillsBalance: string;
    synthesis: string;
    ideas: string;
    contributions: string;
    provenance: string;
  };
  cover: {
    territory: string;
    date: string;
    version: string;
    status: string;
    anonymised: string;
    /** Printed when an organisation the report names is fictional (the demo). */
    fictional: string;
    /** Printed when the models ran on their illustrative default data. */
    illustrative: string;
  };
  summary: {
    purpose: string;
    keyNeeds: string;
    /** "Soudage — 10 postes, 3 organisations, Florange, Yutz". */
    need: (options: { label: string; headcount: number; organisations: number; communes: string }) => string;
    actions: string;
    noActions: string;
    /** "Ouvrir une section de soudage — CFA… · 7 déc. 2026 → 7 mars 2027 · Engagée". */
    action: (options: { title: string; owner: string; start: string; due: string; status: string }) => string;
    scenario: string;
    noScenario: string;
    chosenBy: (question: string) => string;
    studied: string;
    comparedWith: (reference: string) => string;
    effects: string;
    noEffect: string;
    nextSteps: string;
    nextDue: (options: { date: string; title: string; owner: string }) => string;
    proposed: (count: number) => string;
    openPolls: (count: number) => string;
    noNextStep: string;
  };
  version: { current: string; saved: (name: string, date: string) => string };
  page: (page: number, count: number) => string;
  none: string;
  yes: string;
  no: string;
  columns: {
    romeCode: string;
    family: string;
    title: string;
    organisation: string;
    headcount: string;
    horizonMonths: string;
    commune: string;
    communeCode: string;
    contract: string;
    difficulty: string;
    crossBorder: string;
    comment: string;
    owner: string;
    partners: string;
    start: string;
    due: string;
    status: string;
    needs: string;
    question: string;
    option: string;
    votes: string;
    share: string;
    kind: string;
    author: string;
    date: string;
    summary: string;
    items: string;
    name: string;
    role: string;
    duration: string;
    notes: string;
    indicator: string;
    occupation: string;
    recorded: string;
    demand: string;
    gap: string;
    tension: string;
    category: string;
    /** The ideas board's group a card is in. */
    group: string;
    text: string;
    id: string;
    seatsPerYear: string;
    durationMonths: string;
    occupations: string;
    difference: string;
    scenario: string;
    reference: string;
    value: string;
    fingerprint: string;
    zone: string;
    indicatorId: string;
    population: string;
    horizon: string;
  };
  totalHeadcount: (count: string) => string;
  ballots: (count: number) => string;
  anonymousPoll: string;
  pollKinds: { poll: string; dots: string };
  pollStatuses: { open: string; closed: string };
  outcome: {
    chosen: (option: string) => string;
    tie: string;
    noVotes: string;
    open: string;
  };
  contracts: Record<ContractType, string>;
  roadmapStatuses: Record<RoadmapStatus, string>;
  roles: Record<WorkshopRole, string>;
  /** A guest's role in the participants' list (joined by the workshop's code, no account). */
  guestRole: string;
  organisationKinds: Record<OrganisationKind, string>;
  agendaKinds: Record<AgendaItemKind, string>;
  workshopStatuses: Record<WorkshopStatus, string>;
  /** The idea board's own columns; a facilitator's own column is printed as typed. */
  ideaCategories: { constats: string; pistes: string; actions: string };
  /** The ideas board drawn as a figure: its title, its cards' authors, its text alternative. */
  board: {
    title: string;
    /** What an anonymous card says instead of its author. */
    anonymous: string;
    /** A card whose author is not among the workshop's members. */
    someone: string;
    /** An untitled group: "Groupe de 3 cartes". */
    untitledGroup: (count: number) => string;
    /** A group in the text alternative: "« Mobilité » (3 cartes)". */
    group: (options: { title: string; count: number }) => string;
    /** The text alternative: how many cards (anonymous ones), the groups, the cards outside them. */
    description: (options: { cards: number; anonymous: number; groups: string; loose: number }) => string;
    /** A board too large for one page is split: "Tableau d'idées, partie 2 sur 3". */
    part: (options: { part: number; parts: number }) => string;
    /** After the figure: the cards' whole texts are in the table. */
    tableNote: string;
  };
  contributionKinds: Record<'needs' | 'training_offer' | 'comment' | 'answers', string>;
  contributionItems: {
    need: (options: { title: string; headcount: number; commune: string; contract: string }) => string;
    offer: (options: { title: string; seats: number; commune: string }) => string;
    comment: (options: { text: string; action: string | null }) => string;
    answer: (options: { question: string; text: string }) => string;
    question: (index: number) => string;
  };
  scenarios: {
    note: string;
    changes: string;
    noChange: string;
    inherited: string;
    comparedWith: (reference: string) => string;
    fingerprint: (hash: string) => string;
    problems: string;
    table: string;
    sentences: (title: string, reference: string) => string;
    charts: string;
    /** Chart of each variant's differences with its reference, for one group of indicators. */
    chartTitle: (group: string) => string;
    chartGroups: { transport: string; skills: string };
    chartDescription: (options: { title: string; values: string }) => string;
    trendTitle: string;
    trendDescription: (series: string) => string;
    years: (count: number) => string;
  };
  map: {
    /** The map's title from its indicator's name (`mapIndicatorName`, the lab's and map's own). */
    title: (indicator: string) => string;
    legendTitle: string;
    zones: (count: number) => string;
    noData: string;
    roads: string;
    rail: string;
    brt: string;
    description: (options: { highest: string; lowest: string; classes: string }) => string;
    tableTitle: string;
  };
  skillsBalance: {
    note: (options: { horizon: number; scenario: string }) => string;
  };
  provenance: {
    exportedAt: string;
    exportedBy: string;
    version: string;
    models: string;
    fingerprints: string;
    skipped: string;
    skippedNone: string;
    licence: string;
    illustrative: string;
    mobilityModel: (version: string) => string;
    skillsModel: (version: string) => string;
    labMethod: (version: string) => string;
  };
  collections: Record<
    | 'needs'
    | 'roadmap'
    | 'ideas'
    | 'ideaGroups'
    | 'comments'
    | 'trainingOffers'
    | 'scenarios'
    | 'scenarioChanges'
    | 'agenda',
    string
  >;
}

const LABELS: Record<ReportLocale, ReportLabels> = { fr, en, de };

/**
 * The words of a report in one language.
 *
 * @example reportLabels('de').sections.roadmap // 'Fahrplan'
 */
export function reportLabels(locale: ReportLocale): ReportLabels {
  return LABELS[locale];
}
