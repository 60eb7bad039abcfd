export * from './rocketchat.adapter.js';
