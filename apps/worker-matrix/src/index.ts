export * from './matrix.adapter.js';
