export * from './herald-api-error.js';
export * from './herald-client.js';
export * from './rest-client.js';
