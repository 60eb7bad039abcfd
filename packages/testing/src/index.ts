export * from './app-process.js';
export * from './concurrency.js';
export * from './eventually.js';
export * from './free-port.js';
export * from './receivers.js';
export * from './tcp-proxy.js';
export * from './test-database.js';
export * from './test-redis.js';
