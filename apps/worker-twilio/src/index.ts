export * from './build-twilio-payload.js';
export * from './classify-twilio-error.js';
export * from './recipient-outcomes.js';
export * from './twilio.adapter.js';
