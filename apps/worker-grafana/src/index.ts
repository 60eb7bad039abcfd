export * from './grafana.adapter.js';
