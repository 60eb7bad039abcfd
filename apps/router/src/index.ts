export * from './config/router-env.js';
export * from './create-router.js';
