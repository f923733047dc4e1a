// Service cards: what a model is for and how it measures, generated from stored results only.
export { buildServiceCard, cardContentHash, cardVersionKey } from './build-card';
export {
  compareCards,
  type CardChange,
  type CardComparison,
  type ChangeVerdict,
} from './compare-cards';
export { generateServiceCard, loadCardInput } from './load-card';
export { renderCardHtml } from './render-html';
export { renderCardMarkdown } from './render-markdown';
export { metricDifference, type DifferenceEstimate } from './difference';
export * from './card-types';
