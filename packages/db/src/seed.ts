import type { Sql } from './client.ts';
import { hashPassword } from './passwords.ts';
import * as organisations from './repositories/organisations.ts';
import * as users from './repositories/users.ts';
import * as workshops from './repositories/workshops.ts';

/** The password of every demo account. Demo accounts exist only in a seeded database. */
export const DEMO_PASSWORD = 'atelier-demo';

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

export interface SeedResult {
  seeded: boolean;
  reason?: string;
}

/**
 * Loads the North Lorraine demo: organisations, two workshops (one live, one
 * closed) with members in every role, and the demo accounts. Companies and
 * schools are fictional and marked so. Does nothing when the demo is already there.
 *
 * @param options.now - the reference time for workshop dates
 */
export async function seedDemo(options: { sql: Sql; now: Date }): Promise<SeedResult> {
  const { now } = options;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return options.sql.begin(async (sql) => {
    const [existing] = await sql`select 1 from users where email = 'admin@atelier.example'`;
    if (existing) return { seeded: false, reason: 'the demo data is already loaded' };

    const org = {
      metropole: await organisations.create(sql, {
        kind: 'metropole',
        name: 'Metz Métropole',
        communeCode: '57463',
      }),
      university: await organisations.create(sql, {
        kind: 'public_body',
        name: 'Université de Lorraine',
        communeCode: '57463',
      }),
      federation: await organisations.create(sql, {
        kind: 'public_body',
        name: 'Fédération de la métallurgie de Moselle',
        communeCode: '57463',
      }),
      steel: await organisations.create(sql, {
        kind: 'company',
        name: 'Aciéries de la Fensch (fictive)',
        communeCode: '57221',
        fictional: true,
      }),
      automotive: await organisations.create(sql, {
        kind: 'company',
        name: 'Trémery Pièces Auto (fictive)',
        communeCode: '57677',
        fictional: true,
      }),
      logistics: await organisations.create(sql, {
        kind: 'company',
        name: 'Ennery Logistique (fictive)',
        communeCode: '57193',
        fictional: true,
      }),
      software: await organisations.create(sql, {
        kind: 'company',
        name: 'Moselle Numérique (fictive)',
        communeCode: '57463',
        fictional: true,
      }),
      school: await organisations.create(sql, {
        kind: 'school',
        name: 'Lycée professionnel du Val de Fensch (fictif)',
        communeCode: '57306',
        fictional: true,
      }),
      cfa: await organisations.create(sql, {
        kind: 'training_body',
        name: 'CFA Industrie Nord Lorraine (fictif)',
        communeCode: '57672',
        fictional: true,
      }),
    };

    const person = async (email: string, displayName: string, isAdmin = false) =>
      users.create(sql, { email, displayName, passwordHash, isAdmin });
    const admin = await person('admin@atelier.example', 'Claire Administratrice', true);
    const facilitator = await person('facilitator@atelier.example', 'Julien Animateur');
    const company = await person('company@atelier.example', 'Sophie Entreprise');
    const school = await person('school@atelier.example', 'Karim Formation');
    const observer = await person('observer@atelier.example', 'Anne Observatrice');

    await organisations.addMember(sql, { organisationId: org.metropole.id, userId: admin.id, role: 'admin' });
    await organisations.addMember(sql, {
      organisationId: org.metropole.id,
      userId: facilitator.id,
      role: 'member',
    });
    await organisations.addMember(sql, { organisationId: org.steel.id, userId: company.id, role: 'admin' });
    await organisations.addMember(sql, {
      organisationId: org.automotive.id,
      userId: company.id,
      role: 'member',
    });
    await organisations.addMember(sql, { organisationId: org.school.id, userId: school.id, role: 'admin' });
    await organisations.addMember(sql, {
      organisationId: org.federation.id,
      userId: observer.id,
      role: 'member',
    });

    const day = 24 * 60 * 60 * 1000;
    const live = await workshops.create(sql, {
      title: 'Compétences industrielles du Nord lorrain — feuille de route 100 jours',
      description:
        "Recenser les besoins en compétences des entreprises de la vallée de la Fensch et du Sillon mosellan, et bâtir avec les écoles une feuille de route d'actions sur 100 jours.",
      status: 'live',
      startsAt: new Date(now.getTime() - 2 * 60 * 60 * 1000),
      territory: 'Nord lorrain',
      createdBy: admin.id,
    });
    const closed = await workshops.create(sql, {
      title: 'Mobilités Metz–Thionville–Luxembourg : diagnostic',
      description:
        "Partager le diagnostic des déplacements domicile-travail vers le Luxembourg et identifier les dysfonctionnements de l'A31 et du TER.",
      status: 'closed',
      startsAt: new Date(now.getTime() - 30 * day),
      territory: 'Sillon mosellan',
      createdBy: admin.id,
    });
    for (const workshop of [live, closed]) {
      await workshops.addMember(sql, {
        workshopId: workshop.id,
        userId: facilitator.id,
        organisationId: org.metropole.id,
        role: 'facilitator',
      });
      await workshops.addMember(sql, {
        workshopId: workshop.id,
        userId: company.id,
        organisationId: org.steel.id,
        role: 'participant',
      });
      await workshops.addMember(sql, {
        workshopId: workshop.id,
        userId: school.id,
        organisationId: org.school.id,
        role: 'participant',
      });
      await workshops.addMember(sql, {
        workshopId: workshop.id,
        userId: observer.id,
        organisationId: org.federation.id,
        role: 'observer',
      });
    }
    await workshops.addMember(sql, {
      workshopId: live.id,
      userId: admin.id,
      organisationId: org.metropole.id,
      role: 'observer',
    });
    await sql`
      insert into audit_log (actor_id, action, subject_type, subject_id, details)
      values (${admin.id}, 'demo.seeded', 'platform', 'demo', ${sql.json({ workshops: 2, organisations: 9 })})`;
    return { seeded: true };
  });
}
