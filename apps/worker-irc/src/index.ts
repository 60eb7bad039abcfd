export * from './build-irc-payload.js';
export * from './classify-irc-error.js';
export * from './irc.adapter.js';
