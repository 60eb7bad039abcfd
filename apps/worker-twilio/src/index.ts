export * from './twilio.adapter.js';
