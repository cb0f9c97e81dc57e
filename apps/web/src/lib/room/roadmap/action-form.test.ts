import { roadmapActionSchema, type RoadmapAction } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import {
  asWritersAdd,
  awaitsConfirmation,
  emptyActionDraft,
  parseRoadmapDate,
  statusFields,
  validateAction,
  type ActionDraft,
} from './action-form.ts';

const OWNER = 'org-steel';
const OTHER = 'org-school';
const writer = { userId: 'u-steel', organisationId: OWNER };
const draft = (patch: Partial<ActionDraft> = {}): ActionDraft => ({
  ...emptyActionDraft(OWNER),
  title: 'Former 20 soudeurs',
  ...patch,
});
const validate = (patch: Partial<ActionDraft> = {}, options: { dayZero?: string; by?: typeof writer } = {}) =>
  validateAction({
    draft: draft(patch),
    id: 'a1',
    writer: options.by ?? writer,
    now: new Date('2026-11-26T09:00:00Z'),
    ownerOrganisationIds: [(options.by ?? writer).organisationId],
    organisationIds: [OWNER, OTHER],
    needIds: ['n1', 'n2'],
    ...(options.dayZero ? { dayZero: options.dayZero } : {}),
  });

describe('parseRoadmapDate', () => {
  it('reads J+N and real ISO dates', () => {
    expect(parseRoadmapDate(' j+030 ')).toEqual({ ok: true, value: 'J+30' });
    expect(parseRoadmapDate('2026-12-01')).toEqual({ ok: true, value: '2026-12-01' });
  });
  it('refuses other forms and impossible dates', () => {
    for (const raw of ['2026-02-30', 'J-3', 'demain', '01/12/2026', 'J+12345']) {
      expect(parseRoadmapDate(raw), raw).toEqual({ ok: false, error: { code: 'date_format' } });
    }
    expect(parseRoadmapDate('')).toEqual({ ok: false, error: { code: 'required' } });
  });
});

describe('validateAction', () => {
  it('builds an action that passes the domain schema', () => {
    const result = validate({ needIds: ['n1'], partnerOrganisationIds: [OTHER, OWNER] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(roadmapActionSchema.safeParse(result.action).success).toBe(true);
    expect(result.action.partnerOrganisationIds).toEqual([OTHER]);
    expect(result.action.createdBy).toBe('u-steel');
  });

  it('refuses a due date before the start, at the due field', () => {
    const relative = validate({ start: 'J+30', due: 'J+10' });
    expect(relative.ok || relative.errors).toEqual({ due: { code: 'due_before_start' } });
    const absolute = validate({ start: '2026-12-10', due: '2026-12-01' });
    expect(absolute.ok || absolute.errors.due).toEqual({ code: 'due_before_start' });
    const mixed = validate({ start: 'J+30', due: '2026-12-01' }, { dayZero: '2026-11-26' });
    expect(mixed.ok || mixed.errors.due).toEqual({ code: 'due_before_start' });
    expect(validate({ start: 'J+10', due: 'J+10' }).ok).toBe(true);
  });

  it('refuses an owner the writer does not belong to, unknown needs and a long title', () => {
    const result = validate({ ownerOrganisationId: OTHER, needIds: ['n9'], title: 'x'.repeat(201) });
    expect(result.ok || result.errors).toEqual({
      ownerOrganisationId: { code: 'unknown_organisation' },
      needIds: { code: 'unknown_choice' },
      title: { code: 'too_long', max: 200 },
    });
  });

  it('keeps markup in the title as text', () => {
    const result = validate({ title: '<script>x</script>' });
    expect(result.ok && result.action.title).toBe('<script>x</script>');
  });

  it('commits in the name of the owner organisation member', () => {
    const result = validate({ status: 'committed' });
    expect(result.ok && result.action).toMatchObject({ status: 'committed', committedBy: 'u-steel' });
  });
});

describe('statusFields', () => {
  const action: Pick<RoadmapAction, 'ownerOrganisationId' | 'status'> = {
    ownerOrganisationId: OWNER,
    status: 'proposed',
  };
  it('asks the owner to confirm when someone else commits', () => {
    const fields = statusFields({
      action,
      status: 'committed',
      writer: { userId: 'u-school', organisationId: OTHER },
    });
    expect(fields).toEqual({ status: 'proposed', commitRequestedBy: 'u-school' });
    expect(awaitsConfirmation({ ...action, ...fields })).toBe(true);
  });
  it('commits directly for the owner organisation', () => {
    const fields = statusFields({ action, status: 'committed', writer });
    expect(fields).toEqual({ status: 'committed', committedBy: 'u-steel' });
    expect(awaitsConfirmation({ ...action, ...fields, commitRequestedBy: 'u-school' })).toBe(false);
  });
  it('changes other statuses as they are', () => {
    expect(statusFields({ action, status: 'done', writer })).toEqual({ status: 'done' });
  });
});

describe('asWritersAdd', () => {
  it("drops another person's commitment and request, keeps the writer's own", () => {
    const result = validate({ status: 'committed' });
    if (!result.ok) throw new Error('fixture');
    const action = { ...result.action, commitRequestedBy: 'u-school' };
    expect(asWritersAdd(action, 'u-other')).not.toHaveProperty('committedBy');
    expect(asWritersAdd(action, 'u-other')).not.toHaveProperty('commitRequestedBy');
    expect(asWritersAdd(action, 'u-steel')).toMatchObject({ committedBy: 'u-steel', createdBy: 'u-steel' });
  });
});
