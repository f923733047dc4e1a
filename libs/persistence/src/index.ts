export * from './entities';
export * from './migrations';
export * from './data-source.factory';
export * from './embedded-database';
export * from './database-url';
export * from './run-for-plan';
export * from './slice-store';
