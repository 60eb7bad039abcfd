export * from './gotify.adapter.js';
