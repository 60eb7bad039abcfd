export * from './mqtt.adapter.js';
