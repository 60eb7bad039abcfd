export * from './hook-provider.enum.js';
export * from './create-hook-source.dto.js';
export * from './hook-source.view.js';
