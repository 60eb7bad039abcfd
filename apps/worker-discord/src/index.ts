export * from './build-discord-payload.js';
export * from './classify-discord-error.js';
export * from './discord.adapter.js';
