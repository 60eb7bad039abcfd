export * from './build-pushover-payload.js';
export * from './classify-pushover-error.js';
export * from './pushover.adapter.js';
export * from './pushover-html.js';
