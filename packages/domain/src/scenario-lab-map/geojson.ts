/** The small part of GeoJSON (RFC 7946) the scenario map uses, without a dependency. */
export type Position = [number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
export interface LineGeometry {
  type: 'LineString';
  coordinates: Position[];
}
export type Geometry =
  | PointGeometry
  | LineGeometry
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Feature<P, G extends Geometry = Geometry> {
  type: 'Feature';
  id?: number;
  properties: P;
  geometry: G;
}

export interface FeatureCollection<P, G extends Geometry = Geometry> {
  type: 'FeatureCollection';
  features: Feature<P, G>[];
}

/** The commune contours bundled with the territory (`communes.geojson`): INSEE code, name, model zone. */
export type CommuneContours = FeatureCollection<{ code: string; nom: string; zone: string }>;
