export * from './build-pagerduty-payload.js';
export * from './classify-pagerduty-error.js';
export * from './pagerduty.adapter.js';
