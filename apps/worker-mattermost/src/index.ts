export * from './build-mattermost-payload.js';
export * from './classify-mattermost-error.js';
export * from './mattermost.adapter.js';
