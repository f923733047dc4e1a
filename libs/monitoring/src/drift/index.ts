export * from './item-values';
export * from './evaluate-drift';
