export * from './amqp.adapter.js';
export * from './build-amqp-payload.js';
export * from './classify-amqp-error.js';
