export * from './failures.js';
export * from './outbound-fixtures.js';
