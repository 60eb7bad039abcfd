export * from './discord.adapter.js';
