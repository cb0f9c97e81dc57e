import { needs, readWorkshopContent } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTICIPANTS, type DemoPerson } from './accounts.ts';
import type { Cast } from './cast.ts';
import { demoClock } from './clock.ts';
import { buildClosedDocuments } from './closed/content.ts';
import { demoId } from './ids.ts';
import { buildLiveDocuments } from './live/index.ts';
import { DEMO_ORGANISATIONS, type DemoOrganisationIds } from './organisations.ts';
import { RoomDocument, SeedRuleError } from './room-document.ts';
import type { Seats } from './workshops.ts';

// A cast with made-up ids: the documents depend only on it and on the clock.
function cast(now: Date): Cast {
  const org = Object.fromEntries(
    Object.keys(DEMO_ORGANISATIONS).map((key) => [key, demoId(`test/org/${key}`)]),
  ) as DemoOrganisationIds;
  const participants = Object.keys(DEMO_PARTICIPANTS) as (keyof typeof DEMO_PARTICIPANTS)[];
  const seats: Seats = {
    facilitator: { userId: demoId('test/facilitator'), organisationId: org.metropole, role: 'facilitator' },
    company: { userId: demoId('test/company'), organisationId: org.steel, role: 'participant' },
    school: { userId: demoId('test/school'), organisationId: org.school, role: 'participant' },
  };
  for (const person of participants) {
    seats[person as DemoPerson] = {
      userId: demoId(`test/${person}`),
      organisationId: org[person],
      role: 'participant',
    };
  }
  return { seats, org, clock: demoClock(now) };
}

const now = new Date('2026-12-07T10:00:00Z');

describe('the demo documents', () => {
  it('are the same bytes for the same ids and clock, and follow the clock', () => {
    const a = buildLiveDocuments(cast(now), { name: 'live', accepted: [] });
    const b = buildLiveDocuments(cast(now), { name: 'live', accepted: [] });
    expect(Buffer.from(a.content.state()).equals(Buffer.from(b.content.state()))).toBe(true);
    expect(Buffer.from(a.facilitation.state()).equals(Buffer.from(b.facilitation.state()))).toBe(true);
    const closed = () => buildClosedDocuments(cast(now), { name: 'closed' }).content.state();
    expect(Buffer.from(closed()).equals(Buffer.from(closed()))).toBe(true);
    const later = buildLiveDocuments(cast(new Date('2027-03-01T09:00:00Z')), { name: 'live', accepted: [] });
    const read = readWorkshopContent({ content: later.content.doc, facilitation: later.facilitation.doc });
    expect(read.settings.dayZero).toBe('2027-03-01');
    expect(read.needs.every((need) => need.updatedAt.startsWith('2027-03-01'))).toBe(true);
  });

  it('refuses an edit the realtime server would refuse from that seat', () => {
    const { seats, org, clock } = cast(now);
    const facilitation = new RoomDocument('facilitation', 'test');
    const content = new RoomDocument('content', 'test').withSettingsOf(facilitation);
    const company = seats.company!;
    const need = {
      id: 'n1',
      organisationId: org.automotive,
      romeCode: 'H2913',
      title: 'Soudeurs',
      skills: [],
      headcount: 1,
      horizonMonths: 6,
      communeCode: '57221',
      contract: 'cdi' as const,
      difficulty: 2,
      crossBorder: false,
      comment: '',
      createdBy: company.userId,
      updatedAt: clock.iso(0),
    };
    content.edit(company, (doc) => needs.add(doc, { ...need, organisationId: org.steel }));
    expect(needs.read(content.doc)).toHaveLength(1);
    expect(() => content.edit(company, (doc) => needs.add(doc, { ...need, id: 'n2' }))).toThrow(
      /only your organisation's needs/,
    );
    expect(() => facilitation.edit(company, (doc) => doc.getArray('agenda'))).toThrow(SeedRuleError);
  });
});
