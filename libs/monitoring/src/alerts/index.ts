export * from './dedup-key';
export * from './alert-transition';
export * from './alert-links';
export * from './evidence';
export * from './alert-title';
