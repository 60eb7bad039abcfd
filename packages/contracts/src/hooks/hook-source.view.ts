import type { HookProvider } from './hook-provider.enum.js';

/** A hook source as answers show it: the secret is always `$encrypted$`. */
export interface HookSourceView {
  provider: HookProvider;
  account: string;
  secret: string;
  /** Where the provider must send its hooks; Docker Hub's carries the token in place of `{secret}`. */
  path: string;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a GitHub `ping`: no event is stored for it. */
export interface HookPingView {
  ok: true;
  zen: string | null;
}
