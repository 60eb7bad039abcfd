import { HookProvider, type HookSourceView, MASKED_SECRET } from '@herald/contracts';
import type { HookSourceRecord } from '@herald/data';

/** The public view of a hook source: the secret is never shown, only that there is one. */
export function toHookSourceView(record: HookSourceRecord): HookSourceView {
  return {
    provider: record.provider as HookProvider,
    account: record.account,
    secret: MASKED_SECRET,
    path: hookPath(record.provider, record.account),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Where the provider sends hooks; Docker Hub's token goes where `{secret}` stands. */
export function hookPath(provider: string, account: string): string {
  const base = `/v1/hooks/${provider}/${encodeURIComponent(account)}`;
  return provider === HookProvider.DockerHub ? `${base}/{secret}` : base;
}
