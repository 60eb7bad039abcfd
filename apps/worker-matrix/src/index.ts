export * from './build-matrix-payload.js';
export * from './classify-matrix-error.js';
export * from './matrix.adapter.js';
