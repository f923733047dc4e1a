export * from './version-key';
export * from './baseline-policy';
export * from './baseline-state';
export * from './stored-item-stats';
export * from './choose-reference';
