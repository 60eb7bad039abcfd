export * from './backoff.js';
export * from './queue-factory.js';
export * from './redis-connection.js';
export * from './pause-switch.js';
