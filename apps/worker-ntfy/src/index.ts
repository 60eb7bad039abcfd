export * from './build-ntfy-payload.js';
export * from './classify-ntfy-error.js';
export * from './ntfy.adapter.js';
