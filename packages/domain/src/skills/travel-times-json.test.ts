import { describe, expect, it } from 'vitest';
import { TravelTimeMatrixError } from './reach.ts';
import { parseTravelTimesJson } from './travel-times-json.ts';

describe('parseTravelTimesJson', () => {
  it('reads shared zones with flat or nested matrices, null as unreachable', () => {
    const tt = parseTravelTimesJson({
      zones: ['A', 'B'],
      car: [
        [0, 30],
        [null, 0],
      ],
      pt: [0, 50, 50, 0],
      communeToZone: { '57463': 'A' },
    });
    expect([...tt.car!.minutes]).toEqual([0, 30, Infinity, 0]);
    expect([...tt.pt!.minutes]).toEqual([0, 50, 50, 0]);
    expect(tt.communeToZone).toEqual({ '57463': 'A' });
  });

  it('reads matrices that carry their own zones', () => {
    const tt = parseTravelTimesJson({ pt: { zones: ['A', 'B'], minutes: [0, 1, 1, 0] } });
    expect(tt.pt!.zones).toEqual(['A', 'B']);
    expect(tt.car).toBeUndefined();
  });

  it('rejects a file without a matrix, without zones, or of the wrong size', () => {
    expect(() => parseTravelTimesJson({ zones: ['A'] })).toThrow(/neither a car nor a pt matrix/);
    expect(() => parseTravelTimesJson({ car: [0, 1, 1, 0] })).toThrow(/no zones/);
    expect(() => parseTravelTimesJson({ zones: ['A', 'B'], car: [0, 1, 1] })).toThrow(TravelTimeMatrixError);
    expect(() => parseTravelTimesJson({ zones: ['A', 'B'], car: [0, -1, 1, 0] })).toThrow(
      TravelTimeMatrixError,
    );
  });
});
