export * from './slack.adapter.js';
