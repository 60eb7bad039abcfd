export * from './build-grafana-payload.js';
export * from './classify-grafana-error.js';
export * from './grafana.adapter.js';
