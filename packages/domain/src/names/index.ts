// `@atelier/domain/names`: the data names of the models in French, English and German, the one
// source the web app's lab, map and charts and the report read (see packages/domain/README.md).
export { MODEL_LOCALES } from './locale.ts';
export type { ModelLocale } from './locale.ts';
export {
  EXTERNAL_AREA_NAMES,
  ROAD_NAMES,
  localisePlaceText,
  nameOfZone,
  zoneName,
  roadName,
  ptLineName,
} from './place-names.ts';
export { modelNames, englishOnlyNames } from './model-names.ts';
export type { ModelName, ModelNameKind } from './model-names.ts';
export {
  MAP_INDICATOR_NAMES,
  MAP_INDICATOR_SHORT_NAMES,
  mapIndicatorName,
  mapIndicatorShortName,
} from '../scenario-lab-map/indicator-names.ts';
export { OCCUPATION_FAMILY_NAMES, occupationFamilyName } from '../skills/families.ts';
