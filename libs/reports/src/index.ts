export * from './report-data';
export * from './render-run-report';
export * from './load-run-report';
export * from './cards';
export * from './format-metric';
