// Calibrates the mode constants of the default territory as the model loads it (the generated
// data with north-lorraine-additions.ts) and stores them in the calibration fields of
// src/mobility/territory/north-lorraine.json. Run after build-north-lorraine.ts:
//   pnpm exec tsx packages/domain/scripts/calibrate-north-lorraine.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrateTerritory } from '../src/mobility/model/calibrate.ts';
import { withNorthLorraineAdditions } from '../src/mobility/territory/north-lorraine-additions.ts';
import type { Territory } from '../src/mobility/territory/territory.ts';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/mobility/territory/north-lorraine.json',
);
const raw = JSON.parse(readFileSync(file, 'utf8')) as Territory;
const started = performance.now();
// EDGT SCoTAM 2016-17: 85 % of the residents' trips stay within their own EPCI.
raw.calibration.withinEpciTarget ??= 0.85;
// DREAL Grand Est 2022: 75 % of cross-border trips by car.
raw.calibration.crossBorderCarShareTarget ??= 0.75;
const result = calibrateTerritory({
  territory: withNorthLorraineAdditions(structuredClone(raw)),
  tolerance: 2e-4,
});
console.error(
  `${result.runs} model runs, ${Math.round(performance.now() - started)} ms, max share error ${result.maxError.toFixed(5)}; ` +
    `shares ${Array.from(result.shares, (s) => s.toFixed(4)).join(' ')}; deterrence scale ${result.deterrenceScale.toFixed(4)}, ` +
    `within own EPCI ${result.withinEpci.toFixed(4)}; cross-border PT constant ${result.crossBorderPtConstant.toFixed(4)}, ` +
    `car share ${result.crossBorderCarShare.toFixed(4)}`,
);
if (result.maxError > 2e-4) throw new Error('calibration did not converge');
// Only the calibration fields change in the generated data.
raw.calibration.constants = Array.from(result.constants, (c) => Math.round(c * 1e6) / 1e6);
raw.calibration.deterrenceScale = Math.round(result.deterrenceScale * 1e6) / 1e6;
raw.calibration.crossBorderPtConstant = Math.round(result.crossBorderPtConstant * 1e6) / 1e6;
writeFileSync(file, JSON.stringify(raw) + '\n');
console.error(`constants ${raw.calibration.constants.join(', ')} written to ${file}`);
