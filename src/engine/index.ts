// Entry points of the engine. Implemented in run.ts (interpreter in progress).
export * from './api';
export { runSource, runNotebook } from './run';
