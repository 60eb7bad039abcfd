import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';

// Express matches routes case-insensitively, so the parser must too, or /V1/Hooks would get JSON.
const HOOK_PATH = /^\/v1\/hooks\//i;

/**
 * Hooks are verified against the exact bytes the provider signed, so their bodies are read raw
 * (any content type, the same size limit), before and instead of the JSON parser: a body read here
 * is finished, which the JSON parser registered after it skips. Every other route is untouched.
 * Call it before `useBodyParser('json', ...)`.
 */
export function useHookBodyParser(app: NestExpressApplication, limit: string): void {
  app.useBodyParser('raw', { type: (request: IncomingMessage) => HOOK_PATH.test(request.url ?? ''), limit });
}
