export * from './build-gotify-payload.js';
export * from './classify-gotify-error.js';
export * from './gotify.adapter.js';
