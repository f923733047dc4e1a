export * from './env.schema';
export * from './load-config';
export * from './database-settings';
export * from './zod-problems';
export * from './process-env';
