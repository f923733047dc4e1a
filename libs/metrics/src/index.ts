// Public API of @lastmile/metrics: pure metric and statistics functions (no I/O).
export * from './asr';
export * from './stats';
export * from './fairness';
export * from './text';
export * from './toxicity';
export * from './citations';
export * from './pronouns';
export * from './bias';
export * from './sentiment';
