// The part of Observable Plot the lab's charts use, re-exported so that the chunk loaded on demand
// holds only these (a dynamic import of the whole package cannot be tree-shaken: 123 kB gzip
// against about 80 kB). Add a mark here before using it in a chart.
export { barX, barY, dot, plot, ruleX, ruleY, text } from '@observablehq/plot';
