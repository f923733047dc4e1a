export * from './queryable';
export * from './run-item-values';
export * from './plan-lock';
export * from './baseline-rows';
export * from './alert-events';
export * from './pin-baseline';
