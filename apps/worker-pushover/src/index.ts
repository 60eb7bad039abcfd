export * from './pushover.adapter.js';
