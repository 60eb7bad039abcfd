export * from './feishu.adapter.js';
