import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildOpenData, importOpenData, OpenDataError, parseOpenData } from './open-data.ts';
import { readWorkshopContent } from './read-documents.ts';
import { SAMPLE_MEMBERS, sampleReportInput } from './sample.ts';

describe('open data', { timeout: 60_000 }, () => {
  it('re-imported into new documents, reproduces the content', () => {
    const input = sampleReportInput();
    const bundle = parseOpenData(JSON.parse(JSON.stringify(buildOpenData({ input, licence: 'etalab-2.0' }))));
    const content = new Y.Doc();
    const facilitation = new Y.Doc();
    importOpenData({ bundle, content, facilitation });
    const again = readWorkshopContent({ content, facilitation });
    expect(again.needs).toEqual(input.content.needs);
    expect(again.roadmap).toEqual(input.content.roadmap);
    expect(again.ideas).toEqual(input.content.ideas);
    expect(again.comments).toEqual(input.content.comments);
    expect(again.scenarios).toEqual(input.content.scenarios);
    expect(again.synthesis).toEqual(input.content.synthesis);
    expect(again.agenda).toEqual(input.content.agenda);
    expect(again.settings).toEqual(input.content.settings);
    // A second export of the imported documents gives the same bundle: ids are stable.
    const second = buildOpenData({ input: { ...input, content: again }, licence: 'etalab-2.0' });
    expect(second).toEqual(bundle);
  });

  it('carries the format version and the chosen licence', () => {
    const bundle = buildOpenData({ input: sampleReportInput(), licence: 'odbl-1.0' });
    expect(bundle.format).toBe('atelier-workshop');
    expect(bundle.formatVersion).toBe('1.4.0');
    expect(bundle.licence).toMatchObject({ id: 'odbl-1.0', name: 'Open Database License 1.0' });
    expect(bundle.polls[0]?.options).toEqual([
      { label: 'Section de soudage', votes: 2 },
      { label: 'Navette', votes: 1 },
      { label: 'Portes ouvertes', votes: 0 },
    ]);
  });

  it('anonymised, holds neither names nor account ids', () => {
    const bundle = buildOpenData({ input: sampleReportInput({ anonymised: true }), licence: 'cc0-1.0' });
    const text = JSON.stringify(bundle);
    for (const member of SAMPLE_MEMBERS) {
      expect(text).not.toContain(member.displayName);
      expect(text).not.toContain(member.userId);
    }
    expect(bundle.needs[0]?.createdBy).toMatch(/^person-\d+$/);
    expect(bundle.roadmap[0]?.committedBy).toMatch(/^person-\d+$/);
  });

  it('refuses another format or a bad entry, naming where', () => {
    expect(() => parseOpenData({ format: 'other' })).toThrow(OpenDataError);
    const bundle = buildOpenData({ input: sampleReportInput(), licence: 'etalab-2.0' });
    const broken = { ...bundle, needs: [{ ...bundle.needs[0], headcount: -1 }] };
    expect(() => parseOpenData(broken)).toThrow(/needs\.0\.headcount/);
  });
});
