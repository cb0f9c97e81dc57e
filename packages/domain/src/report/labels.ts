import type { OrganisationKind } from '../workshop/organisation-kind.ts';
import type { WorkshopRole, WorkshopStatus } from '../workshop/workshop.ts';
import type { ContractType, RoadmapStatus } from '../realtime/content-doc.ts';
import type { AgendaItemKind } from '../realtime/facilitation-doc.ts';
import type { OccupationFamily } from '../skills/families.ts';
import type { ReportLocale } from './format.ts';

/**
 * Every word a rendered report prints, in one language. The report is written in the
 * facilitator's interface language; the renderers (PDF, DOCX, CSV, XLSX) take their words
 * from here so that all formats say the same thing.
 */
export interface ReportLabels {
  reportTitle: string;
  contents: string;
  sections: {
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
  };
  version: { current: string; saved: (name: string, date: string) => string };
  page: (page: number, count: number) => string;
  people: (count: number) => string;
  none: string;
  yes: string;
  no: string;
  notDated: string;
  columns: {
    romeCode: string;
    family: string;
    title: string;
    organisation: string;
    headcount: string;
    horizonMonths: string;
    commune: string;
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
    name: string;
    role: string;
    duration: string;
    notes: string;
    indicator: string;
    baseline: string;
    occupation: string;
    territory: string;
    demand: string;
    supply: string;
    gap: string;
    tension: string;
    category: string;
    text: string;
    id: string;
    seatsPerYear: string;
    durationMonths: string;
    occupations: string;
    difference: string;
    scenario: string;
  };
  totalHeadcount: (count: string) => string;
  ballots: (count: number) => string;
  anonymousPoll: string;
  pollKinds: { poll: string; dots: string };
  pollStatuses: { open: string; closed: string };
  winner: (option: string) => string;
  contracts: Record<ContractType, string>;
  roadmapStatuses: Record<RoadmapStatus, string>;
  roles: Record<WorkshopRole, string>;
  organisationKinds: Record<OrganisationKind, string>;
  agendaKinds: Record<AgendaItemKind, string>;
  workshopStatuses: Record<WorkshopStatus, string>;
  families: Record<OccupationFamily, string>;
  contributionKinds: Record<'needs' | 'training_offer' | 'comment' | 'answers', string>;
  scenarioBaselineOnly: string;
  scenarioNote: string;
  mapLegend: string;
  skillsHorizon: (years: number) => string;
  provenance: {
    exportedAt: string;
    exportedBy: string;
    version: string;
    models: string;
    skipped: string;
    skippedNone: string;
    licence: string;
    illustrative: string;
  };
  collections: Record<
    | 'needs'
    | 'roadmap'
    | 'ideas'
    | 'comments'
    | 'trainingOffers'
    | 'scenarios'
    | 'scenarioChanges'
    | 'agenda',
    string
  >;
  indicators: Record<string, string>;
}

const fr: ReportLabels = {
  reportTitle: "Compte rendu d'atelier",
  contents: 'Sommaire',
  sections: {
    participants: 'Participants',
    agenda: 'Ordre du jour',
    decisions: 'Décisions et votes',
    needs: 'Besoins en compétences',
    trainingOffers: 'Offre de formation',
    roadmap: 'Feuille de route',
    timeline: 'Calendrier de la feuille de route',
    scenarios: 'Comparaison des scénarios',
    skillsBalance: 'Équilibre emplois-compétences',
    synthesis: 'Synthèse',
    ideas: 'Idées',
    contributions: 'Contributions acceptées',
    provenance: 'Provenance',
  },
  cover: {
    territory: 'Territoire',
    date: 'Date',
    version: 'Version',
    status: 'Statut',
    anonymised: 'Version anonymisée : les noms des personnes sont retirés, les organisations restent.',
    fictional:
      "Données fictives : ce compte rendu est celui d'un atelier de démonstration. Les entreprises et établissements marqués « fictive » ou « fictif », leurs besoins, actions et contributions sont inventés.",
  },
  version: { current: 'État actuel', saved: (name, date) => `Version enregistrée « ${name} » (${date})` },
  page: (page, count) => `Page ${page} sur ${count}`,
  people: (count) => (count <= 1 ? `${count} personne` : `${count} personnes`),
  none: 'Aucun élément.',
  yes: 'oui',
  no: 'non',
  notDated: 'non daté',
  columns: {
    romeCode: 'Code ROME',
    family: 'Famille de métiers',
    title: 'Intitulé',
    organisation: 'Organisation',
    headcount: 'Effectif',
    horizonMonths: 'Horizon (mois)',
    commune: 'Commune',
    contract: 'Contrat',
    difficulty: 'Difficulté (1-4)',
    crossBorder: 'Transfrontalier',
    comment: 'Commentaire',
    owner: 'Pilote',
    partners: 'Partenaires',
    start: 'Début',
    due: 'Échéance',
    status: 'Statut',
    needs: 'Besoins liés',
    question: 'Question',
    option: 'Option',
    votes: 'Voix',
    share: 'Part',
    kind: 'Type',
    author: 'Auteur',
    date: 'Date',
    summary: 'Contenu',
    name: 'Nom',
    role: 'Rôle',
    duration: 'Durée (min)',
    notes: 'Notes',
    indicator: 'Indicateur',
    baseline: 'Situation de référence',
    occupation: 'Métier',
    territory: 'Territoire',
    demand: 'Besoins de recrutement',
    supply: 'Candidats placés',
    gap: 'Postes non pourvus',
    tension: 'Tension',
    category: 'Catégorie',
    text: 'Texte',
    id: 'Identifiant',
    seatsPerYear: 'Places par an',
    durationMonths: 'Durée (mois)',
    occupations: 'Métiers visés',
    difference: 'Écart',
    scenario: 'Scénario',
  },
  totalHeadcount: (count) => `Total : ${count} postes`,
  ballots: (count) => (count <= 1 ? `${count} votant` : `${count} votants`),
  anonymousPoll: 'vote anonyme',
  pollKinds: { poll: 'Sondage', dots: 'Vote par gommettes' },
  pollStatuses: { open: 'ouvert', closed: 'clos' },
  winner: (option) => `Retenu : ${option}`,
  contracts: {
    cdi: 'CDI',
    cdd: 'CDD',
    apprenticeship: 'Apprentissage',
    internship: 'Stage',
    interim: 'Intérim',
  },
  roadmapStatuses: {
    proposed: 'Proposée',
    committed: 'Engagée',
    in_progress: 'En cours',
    done: 'Réalisée',
    dropped: 'Abandonnée',
  },
  roles: { facilitator: 'Animateur', participant: 'Participant', observer: 'Observateur' },
  organisationKinds: {
    company: 'Entreprises',
    school: 'Établissements scolaires',
    training_body: 'Organismes de formation',
    public_body: 'Organismes publics',
    association: 'Associations',
    metropole: 'Métropole',
  },
  agendaKinds: { plenary: 'Plénière', workgroup: 'Atelier en groupes', vote: 'Vote', break: 'Pause' },
  workshopStatuses: { draft: 'Brouillon', scheduled: 'Programmé', live: 'En cours', closed: 'Clos' },
  families: {
    metalworking: 'Sidérurgie, métallurgie et travail des métaux',
    'industrial-production': 'Production industrielle (hors métaux)',
    'industrial-engineering': 'Études, méthodes, qualité industrielles',
    automotive: 'Automobile : entretien et réparation de véhicules',
    maintenance: 'Installation et maintenance',
    logistics: 'Logistique et transport',
    health: 'Santé',
    care: 'Soin, accompagnement et action sociale',
    digital: 'Numérique',
    construction: 'Bâtiment et travaux publics',
    hospitality: 'Hôtellerie, restauration, métiers de bouche',
    commerce: 'Commerce et vente',
    'business-services': 'Fonctions support et services aux entreprises',
  },
  contributionKinds: {
    needs: 'Besoins',
    training_offer: 'Offre de formation',
    comment: 'Commentaire',
    answers: 'Réponses',
  },
  scenarioBaselineOnly:
    "Aucune hypothèse des scénarios n'est lue par les modèles (prix du carburant, télétravail, qualité des aménagements cyclables, départs en retraite, appariement des demandeurs d'emploi, attraction transfrontalière, temps d'accès) : seule la situation de référence est calculée.",
  mapLegend:
    'Un disque par zone du modèle de mobilité, de surface proportionnelle au nombre de déplacements ; du clair au foncé : part croissante.',
  scenarioNote:
    "Résultats calculés par les modèles de la plateforme au moment de l'export, avec les hypothèses qu'ils lisent ; les autres hypothèses sont listées mais ne changent aucun résultat.",
  skillsHorizon: (years) => `Horizon ${years} ans, métiers et territoires les plus en tension`,
  provenance: {
    exportedAt: 'Exporté le',
    exportedBy: 'Exporté par',
    version: 'Version du contenu',
    models: 'Versions des modèles',
    skipped: 'Entrées invalides ignorées',
    skippedNone: 'aucune',
    licence: 'Licence',
    illustrative: 'Les données par défaut des modèles sont illustratives.',
  },
  collections: {
    needs: 'besoins',
    roadmap: 'actions',
    ideas: 'idées',
    comments: 'commentaires',
    trainingOffers: 'offres de formation',
    scenarios: 'scénarios',
    scenarioChanges: 'changements de scénarios',
    agenda: "étapes de l'ordre du jour",
  },
  indicators: {},
};

const en: ReportLabels = {
  ...fr,
  reportTitle: 'Workshop report',
  contents: 'Contents',
  sections: {
    participants: 'Participants',
    agenda: 'Agenda',
    decisions: 'Decisions and votes',
    needs: 'Skills needs',
    trainingOffers: 'Training offer',
    roadmap: 'Roadmap',
    timeline: 'Roadmap timeline',
    scenarios: 'Scenario comparison',
    skillsBalance: 'Jobs and skills balance',
    synthesis: 'Synthesis',
    ideas: 'Ideas',
    contributions: 'Accepted contributions',
    provenance: 'Provenance',
  },
  cover: {
    territory: 'Territory',
    date: 'Date',
    version: 'Version',
    status: 'Status',
    anonymised: "Anonymised version: people's names are removed, organisations are kept.",
    fictional:
      'Fictional data: this is the report of a demonstration workshop. The companies and schools marked "fictive" or "fictif", their needs, actions and contributions are invented.',
  },
  version: { current: 'Current state', saved: (name, date) => `Saved version “${name}” (${date})` },
  page: (page, count) => `Page ${page} of ${count}`,
  people: (count) => (count === 1 ? '1 person' : `${count} people`),
  none: 'Nothing recorded.',
  yes: 'yes',
  no: 'no',
  notDated: 'no date',
  columns: {
    romeCode: 'ROME code',
    family: 'Occupation family',
    title: 'Title',
    organisation: 'Organisation',
    headcount: 'Headcount',
    horizonMonths: 'Horizon (months)',
    commune: 'Commune',
    contract: 'Contract',
    difficulty: 'Difficulty (1-4)',
    crossBorder: 'Cross-border',
    comment: 'Comment',
    owner: 'Owner',
    partners: 'Partners',
    start: 'Start',
    due: 'Due',
    status: 'Status',
    needs: 'Linked needs',
    question: 'Question',
    option: 'Option',
    votes: 'Votes',
    share: 'Share',
    kind: 'Kind',
    author: 'Author',
    date: 'Date',
    summary: 'Content',
    name: 'Name',
    role: 'Role',
    duration: 'Duration (min)',
    notes: 'Notes',
    indicator: 'Indicator',
    baseline: 'Baseline',
    occupation: 'Occupation',
    territory: 'Territory',
    demand: 'Hiring needs',
    supply: 'Candidates placed',
    gap: 'Unfilled positions',
    tension: 'Tension',
    category: 'Category',
    text: 'Text',
    id: 'Identifier',
    seatsPerYear: 'Seats per year',
    durationMonths: 'Duration (months)',
    occupations: 'Occupations',
    difference: 'Difference',
    scenario: 'Scenario',
  },
  totalHeadcount: (count) => `Total: ${count} positions`,
  ballots: (count) => (count === 1 ? '1 voter' : `${count} voters`),
  anonymousPoll: 'anonymous vote',
  pollKinds: { poll: 'Poll', dots: 'Dot vote' },
  pollStatuses: { open: 'open', closed: 'closed' },
  winner: (option) => `Chosen: ${option}`,
  contracts: {
    cdi: 'Permanent',
    cdd: 'Fixed-term',
    apprenticeship: 'Apprenticeship',
    internship: 'Internship',
    interim: 'Temporary',
  },
  roadmapStatuses: {
    proposed: 'Proposed',
    committed: 'Committed',
    in_progress: 'In progress',
    done: 'Done',
    dropped: 'Dropped',
  },
  roles: { facilitator: 'Facilitator', participant: 'Participant', observer: 'Observer' },
  organisationKinds: {
    company: 'Companies',
    school: 'Schools',
    training_body: 'Training bodies',
    public_body: 'Public bodies',
    association: 'Associations',
    metropole: 'Metropolitan authority',
  },
  agendaKinds: { plenary: 'Plenary', workgroup: 'Group work', vote: 'Vote', break: 'Break' },
  workshopStatuses: { draft: 'Draft', scheduled: 'Scheduled', live: 'Live', closed: 'Closed' },
  families: {
    metalworking: 'Steel, metallurgy and metalworking',
    'industrial-production': 'Industrial production (other than metals)',
    'industrial-engineering': 'Industrial engineering and quality',
    automotive: 'Automotive repair and maintenance',
    maintenance: 'Installation and maintenance',
    logistics: 'Logistics and transport',
    health: 'Health',
    care: 'Care and social work',
    digital: 'Digital',
    construction: 'Construction and public works',
    hospitality: 'Hospitality and food trades',
    commerce: 'Retail and sales',
    'business-services': 'Support functions and business services',
  },
  contributionKinds: {
    needs: 'Needs',
    training_offer: 'Training offer',
    comment: 'Comment',
    answers: 'Answers',
  },
  scenarioBaselineOnly:
    'No scenario assumption is one the models read (fuel price, telework, cycling quality, retirements, job-seeker matching, cross-border pull, reach): only the baseline is computed.',
  mapLegend:
    'One disc per zone of the mobility model, its area in proportion to the trips; light to dark: a growing share.',
  scenarioNote:
    "Results computed by the platform's models at export time, with the assumptions they read; other assumptions are listed but change no result.",
  skillsHorizon: (years) => `${years}-year horizon, tightest occupations and territories`,
  provenance: {
    exportedAt: 'Exported on',
    exportedBy: 'Exported by',
    version: 'Content version',
    models: 'Model versions',
    skipped: 'Invalid entries skipped',
    skippedNone: 'none',
    licence: 'Licence',
    illustrative: "The models' default data are illustrative.",
  },
  collections: {
    needs: 'needs',
    roadmap: 'actions',
    ideas: 'ideas',
    comments: 'comments',
    trainingOffers: 'training offers',
    scenarios: 'scenarios',
    scenarioChanges: 'scenario changes',
    agenda: 'agenda steps',
  },
};

const de: ReportLabels = {
  ...fr,
  reportTitle: 'Workshop-Protokoll',
  contents: 'Inhalt',
  sections: {
    participants: 'Teilnehmende',
    agenda: 'Tagesordnung',
    decisions: 'Beschlüsse und Abstimmungen',
    needs: 'Fachkräftebedarf',
    trainingOffers: 'Bildungsangebot',
    roadmap: 'Fahrplan',
    timeline: 'Zeitplan des Fahrplans',
    scenarios: 'Szenarienvergleich',
    skillsBalance: 'Arbeitsmarkt- und Qualifikationsbilanz',
    synthesis: 'Zusammenfassung',
    ideas: 'Ideen',
    contributions: 'Angenommene Beiträge',
    provenance: 'Herkunft',
  },
  cover: {
    territory: 'Gebiet',
    date: 'Datum',
    version: 'Version',
    status: 'Status',
    anonymised: 'Anonymisierte Fassung: Namen von Personen sind entfernt, Organisationen bleiben.',
    fictional:
      'Fiktive Daten: Dies ist der Bericht eines Demonstrationsworkshops. Die mit „fictive“ oder „fictif“ gekennzeichneten Unternehmen und Schulen, ihre Bedarfe, Maßnahmen und Beiträge sind erfunden.',
  },
  version: { current: 'Aktueller Stand', saved: (name, date) => `Gespeicherte Version „${name}“ (${date})` },
  page: (page, count) => `Seite ${page} von ${count}`,
  people: (count) => (count === 1 ? '1 Person' : `${count} Personen`),
  none: 'Keine Einträge.',
  yes: 'ja',
  no: 'nein',
  notDated: 'ohne Datum',
  columns: {
    romeCode: 'ROME-Code',
    family: 'Berufsfamilie',
    title: 'Bezeichnung',
    organisation: 'Organisation',
    headcount: 'Anzahl',
    horizonMonths: 'Horizont (Monate)',
    commune: 'Gemeinde',
    contract: 'Vertrag',
    difficulty: 'Schwierigkeit (1-4)',
    crossBorder: 'Grenzüberschreitend',
    comment: 'Kommentar',
    owner: 'Verantwortlich',
    partners: 'Partner',
    start: 'Beginn',
    due: 'Frist',
    status: 'Status',
    needs: 'Verknüpfte Bedarfe',
    question: 'Frage',
    option: 'Option',
    votes: 'Stimmen',
    share: 'Anteil',
    kind: 'Art',
    author: 'Autor',
    date: 'Datum',
    summary: 'Inhalt',
    name: 'Name',
    role: 'Rolle',
    duration: 'Dauer (Min.)',
    notes: 'Notizen',
    indicator: 'Indikator',
    baseline: 'Referenz',
    occupation: 'Beruf',
    territory: 'Gebiet',
    demand: 'Einstellungsbedarf',
    supply: 'Vermittelte Bewerber',
    gap: 'Unbesetzte Stellen',
    tension: 'Anspannung',
    category: 'Kategorie',
    text: 'Text',
    id: 'Kennung',
    seatsPerYear: 'Plätze pro Jahr',
    durationMonths: 'Dauer (Monate)',
    occupations: 'Zielberufe',
    difference: 'Differenz',
    scenario: 'Szenario',
  },
  totalHeadcount: (count) => `Summe: ${count} Stellen`,
  ballots: (count) => (count === 1 ? '1 Stimme abgegeben' : `${count} Stimmen abgegeben`),
  anonymousPoll: 'anonyme Abstimmung',
  pollKinds: { poll: 'Umfrage', dots: 'Punktabfrage' },
  pollStatuses: { open: 'offen', closed: 'geschlossen' },
  winner: (option) => `Gewählt: ${option}`,
  contracts: {
    cdi: 'Unbefristet',
    cdd: 'Befristet',
    apprenticeship: 'Ausbildung',
    internship: 'Praktikum',
    interim: 'Zeitarbeit',
  },
  roadmapStatuses: {
    proposed: 'Vorgeschlagen',
    committed: 'Zugesagt',
    in_progress: 'In Arbeit',
    done: 'Erledigt',
    dropped: 'Aufgegeben',
  },
  roles: { facilitator: 'Moderation', participant: 'Teilnehmer', observer: 'Beobachter' },
  organisationKinds: {
    company: 'Unternehmen',
    school: 'Schulen',
    training_body: 'Bildungsträger',
    public_body: 'Öffentliche Stellen',
    association: 'Vereine',
    metropole: 'Metropole',
  },
  agendaKinds: { plenary: 'Plenum', workgroup: 'Gruppenarbeit', vote: 'Abstimmung', break: 'Pause' },
  workshopStatuses: { draft: 'Entwurf', scheduled: 'Geplant', live: 'Laufend', closed: 'Abgeschlossen' },
  families: {
    metalworking: 'Stahl, Metallurgie und Metallbearbeitung',
    'industrial-production': 'Industrielle Produktion (ohne Metall)',
    'industrial-engineering': 'Industrielle Technik und Qualität',
    automotive: 'Kfz-Wartung und -Reparatur',
    maintenance: 'Installation und Instandhaltung',
    logistics: 'Logistik und Transport',
    health: 'Gesundheit',
    care: 'Pflege und Sozialarbeit',
    digital: 'Digitales',
    construction: 'Bau',
    hospitality: 'Gastgewerbe und Lebensmittelhandwerk',
    commerce: 'Handel und Verkauf',
    'business-services': 'Unterstützungsfunktionen und Unternehmensdienste',
  },
  contributionKinds: {
    needs: 'Bedarfe',
    training_offer: 'Bildungsangebot',
    comment: 'Kommentar',
    answers: 'Antworten',
  },
  scenarioBaselineOnly:
    'Keine Szenarioannahme wird von den Modellen gelesen (Kraftstoffpreis, Telearbeit, Radinfrastruktur, Renteneintritte, Vermittlung von Arbeitsuchenden, grenzüberschreitender Sog, Erreichbarkeit): nur die Referenz wird berechnet.',
  mapLegend:
    'Ein Kreis je Zone des Mobilitätsmodells, Fläche proportional zu den Wegen; von hell nach dunkel: steigender Anteil.',
  scenarioNote:
    'Ergebnisse der Modelle der Plattform zum Zeitpunkt des Exports, mit den Annahmen, die sie lesen; andere Annahmen sind aufgeführt, ändern aber kein Ergebnis.',
  skillsHorizon: (years) => `Horizont ${years} Jahre, angespannteste Berufe und Gebiete`,
  provenance: {
    exportedAt: 'Exportiert am',
    exportedBy: 'Exportiert von',
    version: 'Inhaltsversion',
    models: 'Modellversionen',
    skipped: 'Übersprungene ungültige Einträge',
    skippedNone: 'keine',
    licence: 'Lizenz',
    illustrative: 'Die Standarddaten der Modelle sind illustrativ.',
  },
  collections: {
    needs: 'Bedarfe',
    roadmap: 'Maßnahmen',
    ideas: 'Ideen',
    comments: 'Kommentare',
    trainingOffers: 'Bildungsangebote',
    scenarios: 'Szenarien',
    scenarioChanges: 'Szenarioänderungen',
    agenda: 'Tagesordnungspunkte',
  },
};

const INDICATORS: Record<ReportLocale, Record<string, string>> = {
  fr: {
    'skills.demand': 'Besoins de recrutement à 5 ans',
    'skills.supply': 'Candidats placés à 5 ans',
    'skills.gap': 'Postes non pourvus à 5 ans',
    'skills.tension': 'Tension à 5 ans',
    'mobility.share.car': 'Part modale voiture',
    'mobility.share.pt': 'Part modale transports collectifs',
    'mobility.share.bike': 'Part modale vélo',
    'mobility.share.walk': 'Part modale marche',
    'mobility.share.tripsUpTo1Km': 'Part des déplacements de 1 km au plus',
    'mobility.share.tripsUpTo3Km': 'Part des déplacements de 3 km au plus',
    'mobility.congestedLinks': 'Tronçons congestionnés',
    'mobility.co2': 'Émissions de CO₂ (t/jour)',
    'mobility.share.pt.map': 'Part des transports collectifs par zone (situation de référence)',
  },
  en: {
    'skills.demand': 'Hiring needs at 5 years',
    'skills.supply': 'Candidates placed at 5 years',
    'skills.gap': 'Unfilled positions at 5 years',
    'skills.tension': 'Tension at 5 years',
    'mobility.share.car': 'Car modal share',
    'mobility.share.pt': 'Public transport modal share',
    'mobility.share.bike': 'Cycling modal share',
    'mobility.share.walk': 'Walking modal share',
    'mobility.share.tripsUpTo1Km': 'Share of trips of 1 km or less',
    'mobility.share.tripsUpTo3Km': 'Share of trips of 3 km or less',
    'mobility.congestedLinks': 'Congested links',
    'mobility.co2': 'CO₂ emissions (t/day)',
    'mobility.share.pt.map': 'Public transport share by zone (baseline)',
  },
  de: {
    'skills.demand': 'Einstellungsbedarf in 5 Jahren',
    'skills.supply': 'Vermittelte Bewerber in 5 Jahren',
    'skills.gap': 'Unbesetzte Stellen in 5 Jahren',
    'skills.tension': 'Anspannung in 5 Jahren',
    'mobility.share.car': 'Modal-Split Pkw',
    'mobility.share.pt': 'Modal-Split ÖPNV',
    'mobility.share.bike': 'Modal-Split Rad',
    'mobility.share.walk': 'Modal-Split Fußverkehr',
    'mobility.share.tripsUpTo1Km': 'Anteil der Wege bis 1 km',
    'mobility.share.tripsUpTo3Km': 'Anteil der Wege bis 3 km',
    'mobility.congestedLinks': 'Überlastete Abschnitte',
    'mobility.co2': 'CO₂-Emissionen (t/Tag)',
    'mobility.share.pt.map': 'ÖPNV-Anteil nach Zone (Referenz)',
  },
};

const LABELS: Record<ReportLocale, ReportLabels> = {
  fr: { ...fr, indicators: INDICATORS.fr },
  en: { ...en, indicators: INDICATORS.en },
  de: { ...de, indicators: INDICATORS.de },
};

/**
 * The words of a report in one language.
 *
 * @example reportLabels('de').sections.roadmap // 'Fahrplan'
 */
export function reportLabels(locale: ReportLocale): ReportLabels {
  return LABELS[locale];
}
