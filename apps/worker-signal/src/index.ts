export * from './build-signal-payload.js';
export * from './classify-signal-error.js';
export * from './signal.adapter.js';
export * from './signal-styled-text.js';
