// Travel-time matrices as JSON, for files and messages (the mobility model, a worker, the CLI).
// Either form:
//   { "zones": ["57463", ...], "car": [n × n minutes, row-major, or n rows], "pt": [...], "communeToZone": {...} }
//   { "car": { "zones": [...], "minutes": [...] }, "pt": { "zones": [...], "minutes": [...] }, "communeToZone": {...} }
// `null` marks an unreachable pair.
import { z } from 'zod';
import { checkTravelTimeMatrix, TravelTimeMatrixError } from './reach.ts';
import type { TravelTimeMatrix, TravelTimes } from './reach.ts';

const minutesSchema = z.union([
  z.array(z.number().nonnegative().nullable()),
  z.array(z.array(z.number().nonnegative().nullable())),
]);
const matrixSchema = z.union([
  minutesSchema,
  z.object({ zones: z.array(z.string().min(1)), minutes: minutesSchema }),
]);

export const travelTimesJsonSchema = z
  .object({
    zones: z.array(z.string().min(1)).optional(),
    car: matrixSchema.optional(),
    pt: matrixSchema.optional(),
    communeToZone: z.record(z.string(), z.string()).optional(),
  })
  .refine((value) => value.car !== undefined || value.pt !== undefined, {
    message: 'neither a car nor a pt matrix',
  });

function toMatrix(
  value: z.output<typeof matrixSchema>,
  zones: string[] | undefined,
  label: string,
): TravelTimeMatrix {
  const form = Array.isArray(value) ? { zones, minutes: value } : value;
  if (!form.zones)
    throw new TravelTimeMatrixError(`${label}: no zones (give "zones" beside the matrix or inside it)`);
  const flat = (form.minutes as (number | null | (number | null)[])[]).flat();
  const matrix = { zones: form.zones, minutes: Float64Array.from(flat, (m) => (m === null ? Infinity : m)) };
  checkTravelTimeMatrix(matrix, label);
  return matrix;
}

/**
 * Reads travel-time matrices from parsed JSON (one of the two forms above).
 *
 * @param json - e.g. `JSON.parse(text)`
 * @example parseTravelTimesJson({ zones: ['A', 'B'], car: [[0, 30], [30, 0]] }).car?.minutes // Float64Array [0, 30, 30, 0]
 */
export function parseTravelTimesJson(json: unknown): TravelTimes {
  const parsed = travelTimesJsonSchema.safeParse(json);
  if (!parsed.success)
    throw new TravelTimeMatrixError(
      `travel times: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  const { zones, car, pt, communeToZone } = parsed.data;
  const travelTimes: TravelTimes = {};
  if (car) travelTimes.car = toMatrix(car, zones, 'car');
  if (pt) travelTimes.pt = toMatrix(pt, zones, 'pt');
  if (communeToZone) travelTimes.communeToZone = communeToZone;
  return travelTimes;
}
