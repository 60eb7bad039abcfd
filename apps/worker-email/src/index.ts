export * from './build-email-payload.js';
export * from './classify-email-error.js';
export * from './email.adapter.js';
