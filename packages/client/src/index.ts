export * from './herald-api-error.js';
export * from './rest-client.js';
