export * from './mattermost.adapter.js';
