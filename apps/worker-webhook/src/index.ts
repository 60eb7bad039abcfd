export * from './build-webhook-payload.js';
export * from './classify-webhook-error.js';
export * from './webhook.adapter.js';
