export * from './build-feishu-payload.js';
export * from './classify-feishu-error.js';
export * from './feishu-card.js';
export * from './feishu.adapter.js';
export * from './tenant-token-cache.js';
