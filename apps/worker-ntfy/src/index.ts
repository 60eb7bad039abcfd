export * from './ntfy.adapter.js';
