import { describe, expect, it } from 'vitest';
import { nextWorkshopStatus, workshopStatusSchema } from './workshop.ts';

describe('workshop lifecycle', () => {
  it('moves forward one step at a time and stops at closed', () => {
    expect(nextWorkshopStatus('draft')).toBe('scheduled');
    expect(nextWorkshopStatus('scheduled')).toBe('live');
    expect(nextWorkshopStatus('live')).toBe('closed');
    expect(nextWorkshopStatus('closed')).toBeUndefined();
  });

  it('rejects an unknown status at the boundary', () => {
    expect(workshopStatusSchema.safeParse('archived').success).toBe(false);
    expect(workshopStatusSchema.safeParse('live').success).toBe(true);
  });
});
