export * from './build-inapp-payload.js';
export * from './classify-inapp-error.js';
export * from './inapp.adapter.js';
