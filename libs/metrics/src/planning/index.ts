export * from './sample-size-advice';
