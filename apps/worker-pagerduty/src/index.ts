export * from './pagerduty.adapter.js';
