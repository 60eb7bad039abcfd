export * from './amqp.adapter.js';
