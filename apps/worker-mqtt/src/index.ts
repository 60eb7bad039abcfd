export * from './build-mqtt-payload.js';
export * from './classify-mqtt-error.js';
export * from './mqtt.adapter.js';
