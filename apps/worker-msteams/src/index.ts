export * from './msteams.adapter.js';
