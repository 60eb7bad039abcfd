export * from './build-slack-payload.js';
export * from './classify-slack-error.js';
export * from './markdown-to-mrkdwn.js';
export * from './slack.adapter.js';
