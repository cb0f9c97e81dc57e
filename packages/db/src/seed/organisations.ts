import type { OrganisationKind } from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as organisations from '../repositories/organisations.ts';

/** The organisations of the demo. Companies and schools are invented and marked fictional. */
export const DEMO_ORGANISATIONS = {
  metropole: { kind: 'metropole', name: 'Metz Métropole', communeCode: '57463', fictional: false },
  university: { kind: 'public_body', name: 'Université de Lorraine', communeCode: '57463', fictional: false },
  federation: {
    kind: 'public_body',
    name: 'Fédération de la métallurgie de Moselle',
    communeCode: '57463',
    fictional: false,
  },
  steel: { kind: 'company', name: 'Aciéries de la Fensch (fictive)', communeCode: '57221', fictional: true },
  automotive: {
    kind: 'company',
    name: 'Trémery Pièces Auto (fictive)',
    communeCode: '57677',
    fictional: true,
  },
  logistics: { kind: 'company', name: 'Ennery Logistique (fictive)', communeCode: '57193', fictional: true },
  software: { kind: 'company', name: 'Moselle Numérique (fictive)', communeCode: '57463', fictional: true },
  boilermaking: {
    kind: 'company',
    name: "Chaudronnerie d'Amnéville (fictive)",
    communeCode: '57019',
    fictional: true,
  },
  maintenance: {
    kind: 'company',
    name: 'Yutz Maintenance Industrielle (fictive)',
    communeCode: '57757',
    fictional: true,
  },
  forges: { kind: 'company', name: "Forges de l'Alzette (fictive)", communeCode: '57038', fictional: true },
  electromechanics: {
    kind: 'company',
    name: 'Électromécanique du Pays-Haut (fictive)',
    communeCode: '54323',
    fictional: true,
  },
  school: {
    kind: 'school',
    name: 'Lycée professionnel du Val de Fensch (fictif)',
    communeCode: '57306',
    fictional: true,
  },
  schoolYutz: {
    kind: 'school',
    name: "Lycée des métiers de l'industrie de Yutz (fictif)",
    communeCode: '57757',
    fictional: true,
  },
  schoolLongwy: {
    kind: 'school',
    name: 'Lycée professionnel du Pays-Haut (fictif)',
    communeCode: '54323',
    fictional: true,
  },
  cfa: {
    kind: 'training_body',
    name: 'CFA Industrie Nord Lorraine (fictif)',
    communeCode: '57672',
    fictional: true,
  },
} as const satisfies Record<
  string,
  { kind: OrganisationKind; name: string; communeCode: string; fictional: boolean }
>;

export type DemoOrganisation = keyof typeof DEMO_ORGANISATIONS;
/** The id of each demo organisation in this database. */
export type DemoOrganisationIds = Record<DemoOrganisation, string>;

/**
 * Creates the demo organisations, in the order of `DEMO_ORGANISATIONS`, verified (issue 20): the
 * demo's open call is limited to verified organisations, as a real métropole's would be.
 */
export async function createOrganisations(
  sql: Queryable,
  options: { verifiedAt: Date },
): Promise<DemoOrganisationIds> {
  const ids = {} as DemoOrganisationIds;
  for (const [key, spec] of Object.entries(DEMO_ORGANISATIONS)) {
    ids[key as DemoOrganisation] = (
      await organisations.create(sql, { ...spec, verifiedAt: options.verifiedAt })
    ).id;
  }
  return ids;
}
