export * from './secret-cipher';
export * from './secrets-keyring';
export * from './secrets.store';
