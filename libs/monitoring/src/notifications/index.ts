export * from './alert-message';
export * from './signature';
export * from './channel-payloads';
export * from './notification-job';
