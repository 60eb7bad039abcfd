export * from './build-msteams-payload.js';
export * from './classify-msteams-error.js';
export * from './msteams.adapter.js';
