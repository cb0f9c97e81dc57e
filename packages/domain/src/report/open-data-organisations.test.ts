import { describe, expect, it } from 'vitest';
import type { Actor } from '../workshop/policy.ts';
import { buildOpenData, matchOrganisations, remapOrganisations, type OpenDataBundle } from './open-data.ts';
import { sampleReportInput } from './sample.ts';

/** A bundle with one entry of each kind that names an organisation, each naming this one. */
function bundleNaming(organisationId: string): OpenDataBundle {
  const bundle = buildOpenData({ input: sampleReportInput(), licence: 'etalab-2.0' });
  const [need, action, idea, comment, offer] = [
    bundle.needs[0]!,
    bundle.roadmap[0]!,
    bundle.ideas[0]!,
    bundle.comments[0]!,
    bundle.trainingOffers[0]!,
  ];
  return {
    ...bundle,
    organisations: [
      { id: organisationId, name: 'Aciéries', kind: 'company' },
      { id: 'org-b', name: 'Lycée', kind: 'school' },
    ],
    needs: [{ ...need, organisationId }],
    roadmap: [
      { ...action, ownerOrganisationId: organisationId, partnerOrganisationIds: [organisationId, 'org-b'] },
    ],
    ideas: [{ ...idea, organisationId }],
    comments: [{ ...comment, organisationId }],
    trainingOffers: [{ ...offer, organisationId }],
  };
}

describe('remapOrganisations', { timeout: 60_000 }, () => {
  it('rewrites every reference to an organisation, and the organisation itself', () => {
    const remapped = remapOrganisations({
      bundle: bundleNaming('org-a'),
      map: new Map([['org-a', 'local-a']]),
    });
    expect(remapped.organisations.map((o) => o.id)).toEqual(['local-a', 'org-b']);
    expect(remapped.needs[0]?.organisationId).toBe('local-a');
    expect(remapped.roadmap[0]?.ownerOrganisationId).toBe('local-a');
    expect(remapped.roadmap[0]?.partnerOrganisationIds).toEqual(['local-a', 'org-b']);
    expect(remapped.ideas[0]?.organisationId).toBe('local-a');
    expect(remapped.comments[0]?.organisationId).toBe('local-a');
    expect(remapped.trainingOffers[0]?.organisationId).toBe('local-a');
    expect(JSON.stringify(remapped)).not.toContain('"org-a"');
  });

  it('keeps ids absent from the map, and an idea without organisation', () => {
    const bundle = bundleNaming('org-a');
    const noOrganisation = { ...bundle, ideas: bundle.ideas.map(({ organisationId: _, ...idea }) => idea) };
    const remapped = remapOrganisations({ bundle: noOrganisation, map: new Map([['org-x', 'local-x']]) });
    expect(remapped).toEqual(noOrganisation);
    expect(remapped.ideas[0]).not.toHaveProperty('organisationId');
  });

  it('merges two organisations mapped to the same local one', () => {
    const map = new Map([
      ['org-a', 'local'],
      ['org-b', 'local'],
    ]);
    const remapped = remapOrganisations({ bundle: bundleNaming('org-a'), map });
    expect(remapped.organisations.map((o) => o.id)).toEqual(['local']);
    expect(remapped.roadmap[0]?.partnerOrganisationIds).toEqual(['local']);
  });
});

describe('matchOrganisations', { timeout: 60_000 }, () => {
  const local = [
    { id: 'here-steel', name: 'Aciéries de la Fensch', kind: 'company' as const },
    { id: 'here-metz', name: 'Metz Métropole', kind: 'metropole' as const },
  ];
  const member: Actor = {
    userId: 'u1',
    isAdmin: false,
    organisations: [{ id: 'here-metz', kind: 'metropole', role: 'member' }],
  };
  const admin: Actor = { userId: 'u2', isAdmin: true, organisations: [] };

  it('finds an organisation by id first, then by name and kind', () => {
    const matches = matchOrganisations({
      organisations: [
        { id: 'here-steel', name: 'Renamed elsewhere', kind: 'company' },
        // A combining acute accent, other case and spaces: the same name once normalised.
        { id: 'there-steel', name: '  ACIE\u0301RIES de la fensch ', kind: 'company' },
      ],
      local,
      actor: member,
    });
    expect(matches.get('here-steel')).toEqual({ by: 'id', localId: 'here-steel' });
    expect(matches.get('there-steel')).toEqual({ by: 'name', localId: 'here-steel' });
  });

  it('creates an organisation whose name is known only with another kind', () => {
    const matches = matchOrganisations({
      organisations: [{ id: 'there', name: 'Aciéries de la Fensch', kind: 'association' }],
      local,
      actor: member,
    });
    expect(matches.get('there')).toEqual({
      by: 'create',
      name: 'Aciéries de la Fensch',
      kind: 'association',
    });
  });

  it("maps an unknown métropole to the importer's own, unless an administrator imports", () => {
    const organisations = [{ id: 'there-lux', name: 'Luxembourg', kind: 'metropole' as const }];
    expect(matchOrganisations({ organisations, local, actor: member }).get('there-lux')).toEqual({
      by: 'creatorMetropole',
      localId: 'here-metz',
    });
    expect(matchOrganisations({ organisations, local, actor: admin }).get('there-lux')).toEqual({
      by: 'create',
      name: 'Luxembourg',
      kind: 'metropole',
    });
  });
});
