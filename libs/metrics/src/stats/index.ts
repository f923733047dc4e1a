export { createRng } from './rng';
export type { Interval, BootstrapOptions } from './interval';
export { wilsonInterval } from './wilson';
export { bootstrapMeanInterval } from './bootstrap-mean';
export { bootstrapRatioInterval, type RatioItem } from './bootstrap-ratio';
export { normalQuantile, normalCdf, binomialCdf } from './distributions';
