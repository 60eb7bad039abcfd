export * from './channel-adapter.js';
export * from './channel-worker.module.js';
export * from './channel-worker.service.js';
export * from './delivery-error.js';
export * from './delivery-processor.js';
export * from './run-channel-worker.js';
export * from './worker-env.js';
