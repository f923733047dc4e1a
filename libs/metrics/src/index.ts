// Public API of @lastmile/metrics: pure metric and statistics functions (no I/O).
export * from './acoustics';
export * from './asr';
export * from './stats';
export * from './fairness';
export * from './disparity';
export * from './online-fdr';
export * from './text';
export * from './toxicity';
export * from './citations';
export * from './pronouns';
export * from './verbatim';
export * from './watermark';
export * from './agreement';
export * from './bias';
export * from './sentiment';
export * from './planning';
