// The report's modules read the model's place names from their one source, `names/place-names.ts`.
export { ptLineName, roadName, zoneName } from '../names/place-names.ts';
