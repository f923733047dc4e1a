// Differential degradation: did some groups get worse than the others, baseline to now?
export { disparityDrift, disparityDriftOfColumns } from './disparity-drift';
export type { DisparityColumns } from './group-units';
export { disproportionatelyHurtGroups, type HurtGroup, type HurtGroupOptions } from './hurt-groups';
export type {
  DisparityOptions,
  DisparityRecord,
  DisparityResult,
  GroupDisparity,
  ValueWithInterval,
} from './disparity.types';
