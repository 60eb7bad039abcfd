export * from './build-rocketchat-payload.js';
export * from './classify-rocketchat-error.js';
export * from './rocketchat.adapter.js';
