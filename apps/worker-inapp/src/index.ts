export * from './inapp.adapter.js';
