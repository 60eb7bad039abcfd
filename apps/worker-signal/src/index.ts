export * from './signal.adapter.js';
