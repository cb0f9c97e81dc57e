export {
  SEQUENTIAL_RAMP,
  DIVERGING_RAMP,
  NO_DATA_COLOUR,
  classBreaks,
  classOf,
  roundSignificant,
} from './classes.ts';
export type { ClassBreaks, LegendClass } from './classes.ts';
export { MAP_INDICATORS, BUSY_VC, OVER_VC, PT_SHARE_STEPS, mapLayers } from './map-layers.ts';
export { skillsGapByZone, MAP_SKILLS_HORIZON } from './skills-gap.ts';
export type {
  MapIndicator,
  MapTerritory,
  MapLayers,
  LinkLevel,
  ZoneFigures,
  CommuneProperties,
  LinkProperties,
  PtProperties,
  ExternalProperties,
} from './map-layers.ts';
export type { CommuneContours, Feature, FeatureCollection, Geometry, Position } from './geojson.ts';
