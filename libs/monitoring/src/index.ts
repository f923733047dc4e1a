// Public API of @lastmile/monitoring: the drift decision shared by the monitor and the CI gate,
// baselines, alert lifecycle and evidence, notification formats.
export * from './drift';
export * from './baselines';
export * from './alerts';
export * from './notifications';
