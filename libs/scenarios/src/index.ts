export * from './scenario-kind';
export * from './registry';
import './kinds';
