export * from './api-key.view.js';
export * from './api-scope.enum.js';
export * from './create-api-key.dto.js';
