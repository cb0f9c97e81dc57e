import type { Queryable } from '../client.ts';
import * as organisations from '../repositories/organisations.ts';
import * as users from '../repositories/users.ts';
import type { DemoOrganisation, DemoOrganisationIds } from './organisations.ts';

/** The password of every demo account. Demo accounts exist only in a seeded database. */
export const DEMO_PASSWORD = 'atelier-demo';

/** The accounts a person may sign in with on a seeded database (password `DEMO_PASSWORD`). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@atelier.example', displayName: 'Claire Administratrice', role: 'métropole, administrator' },
  {
    email: 'facilitator@atelier.example',
    displayName: 'Julien Animateur',
    role: 'facilitator of both workshops',
  },
  { email: 'company@atelier.example', displayName: 'Sophie Entreprise', role: 'participant (company)' },
  { email: 'school@atelier.example', displayName: 'Karim Formation', role: 'participant (school)' },
  { email: 'observer@atelier.example', displayName: 'Anne Observatrice', role: 'observer' },
] as const;

/**
 * The other people at the demo's tables, one for each organisation without a demo account. They
 * own their organisation's needs, actions and ballots, as in a real room; they cannot sign in
 * (their password hash is no hash at all, which never verifies).
 */
export const DEMO_PARTICIPANTS = {
  automotive: { email: 'thomas.automobile@atelier.example', displayName: 'Thomas Automobile' },
  logistics: { email: 'lucie.logistique@atelier.example', displayName: 'Lucie Logistique' },
  software: { email: 'hugo.numerique@atelier.example', displayName: 'Hugo Numérique' },
  boilermaking: { email: 'nadia.chaudronnerie@atelier.example', displayName: 'Nadia Chaudronnerie' },
  maintenance: { email: 'paul.maintenance@atelier.example', displayName: 'Paul Maintenance' },
  forges: { email: 'ines.forges@atelier.example', displayName: 'Inès Forges' },
  electromechanics: {
    email: 'mehdi.electromecanique@atelier.example',
    displayName: 'Mehdi Électromécanique',
  },
  schoolYutz: { email: 'elodie.enseignante@atelier.example', displayName: 'Élodie Enseignante' },
  schoolLongwy: { email: 'bruno.enseignant@atelier.example', displayName: 'Bruno Enseignant' },
  cfa: { email: 'camille.apprentissage@atelier.example', displayName: 'Camille Apprentissage' },
  university: { email: 'laure.universite@atelier.example', displayName: 'Laure Université' },
} as const satisfies Partial<Record<DemoOrganisation, { email: string; displayName: string }>>;

/** Stored instead of a hash for people who cannot sign in: argon2 never accepts it. */
const NO_SIGN_IN = '!demo-participant-without-sign-in';

export type DemoPerson =
  'admin' | 'facilitator' | 'company' | 'school' | 'observer' | keyof typeof DEMO_PARTICIPANTS;
export type DemoPeopleIds = Record<DemoPerson, string>;

/**
 * Creates the demo accounts and participants, each a member of their organisation(s).
 *
 * @param options.passwordHash - the hash of `DEMO_PASSWORD` (hashed once by the caller)
 */
export async function createPeople(
  sql: Queryable,
  options: { org: DemoOrganisationIds; passwordHash: string },
): Promise<DemoPeopleIds> {
  const { org, passwordHash } = options;
  const person = async (email: string, displayName: string, hash: string, isAdmin = false) =>
    (await users.create(sql, { email, displayName, passwordHash: hash, isAdmin })).id;
  const [admin, facilitator, company, school, observer] = DEMO_ACCOUNTS;
  const ids = {
    admin: await person(admin.email, admin.displayName, passwordHash, true),
    facilitator: await person(facilitator.email, facilitator.displayName, passwordHash),
    company: await person(company.email, company.displayName, passwordHash),
    school: await person(school.email, school.displayName, passwordHash),
    observer: await person(observer.email, observer.displayName, passwordHash),
  } as DemoPeopleIds;
  const member = (organisation: DemoOrganisation, userId: string, role: 'admin' | 'member') =>
    organisations.addMember(sql, { organisationId: org[organisation], userId, role });
  await member('metropole', ids.admin, 'admin');
  await member('metropole', ids.facilitator, 'member');
  await member('steel', ids.company, 'admin');
  await member('automotive', ids.company, 'member');
  await member('school', ids.school, 'admin');
  await member('federation', ids.observer, 'member');
  for (const [key, spec] of Object.entries(DEMO_PARTICIPANTS)) {
    const id = await person(spec.email, spec.displayName, NO_SIGN_IN);
    ids[key as keyof typeof DEMO_PARTICIPANTS] = id;
    await member(key as DemoOrganisation, id, 'admin');
  }
  return ids;
}
