export * from './build-telegram-payload.js';
export * from './classify-telegram-error.js';
export * from './markdown-to-telegram-html.js';
export * from './redact-bot-token.js';
export * from './telegram.adapter.js';
