export * from './alert-transition';
export * from './alert-links';
export * from './evidence';
export * from './alert-title';
export * from './incidents';
export * from './condition-summary';
