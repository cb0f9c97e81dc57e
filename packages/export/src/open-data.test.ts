import { readFileSync } from 'node:fs';
import {
  importOpenData,
  openDataJsonSchema,
  parseOpenData,
  readWorkshopContent,
  sampleReportInput,
} from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { renderOpenDataJson } from './open-data.ts';

const schemaFile = new URL('../../../docs/open-data/atelier-workshop-1.schema.json', import.meta.url);

describe('renderOpenDataJson', () => {
  it('writes a bundle that a new workshop imports back to the same content', () => {
    const input = sampleReportInput();
    const json = renderOpenDataJson({ input, licence: 'etalab-2.0' });
    const { content, facilitation } = importOpenData({ bundle: parseOpenData(JSON.parse(json)) });
    const { skipped: _skipped, ...again } = readWorkshopContent({ content, facilitation });
    const { skipped: _original, ...original } = input.content;
    expect(again).toEqual(original);
  });

  it('keeps the JSON Schema in docs/open-data in step with the format (pnpm --filter @atelier/export schema)', () => {
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(openDataJsonSchema());
  });

  it('writes a bundle whose fields the JSON Schema declares', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    const bundle = JSON.parse(
      renderOpenDataJson({ input: sampleReportInput(), licence: 'cc-by-4.0' }),
    ) as object;
    // Every required field, and the models' results (optional since 1.2.0).
    expect(Object.keys(bundle).sort()).toEqual([...schema.required, 'results'].sort());
    expect(Object.keys(schema.properties)).toContain('results');
  });
});
