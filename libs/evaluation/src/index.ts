// Public API of @lastmile/evaluation: the evaluation engine — execute a run, conclude its metrics,
// monitor drift, raise alerts, deliver notifications, sweep what a crash left behind. No Nest here:
// apps/runner wires it into processors and schedules, apps/cli calls it directly.
export * from './runs/adapter-pool';
export * from './runs/run-control';
export * from './runs/run-executor';
export * from './runs/run-plan';
export * from './runs/load-run-plan';
export * from './runs/scenario-context';
export * from './runs/item-stream';
export * from './monitoring/drift-monitor';
export { monitorRun, type MonitorRunInput, type MonitorRunOutcome } from './monitoring/monitor-run';
export * from './monitoring/monitoring-settings';
export * from './monitoring/notification-sender';
export * from './monitoring/notifications';
export * from './monitoring/alert-message.loader';
export * from './monitoring/missed-notifications';
export * from './monitoring/pin-baseline';
export * from './monitoring/run-item-values';
export * from './reviews/review-agreement';
export * from './reviews/review-sample';
export * from './reviews/review-sampler';
export * from './sweeps/notification-sweep';
export * from './sweeps/lost-runs';
