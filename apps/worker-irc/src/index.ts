export * from './irc.adapter.js';
