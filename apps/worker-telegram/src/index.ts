export * from './telegram.adapter.js';
