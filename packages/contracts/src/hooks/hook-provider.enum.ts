/** Systems whose webhooks Herald accepts at `POST /v1/hooks/:provider/:account`. */
export enum HookProvider {
  GitHub = 'github',
  DockerHub = 'dockerhub',
  Phabricator = 'phabricator',
  Generic = 'generic',
}

export const HOOK_PROVIDERS: readonly HookProvider[] = Object.values(HookProvider);

export function isHookProvider(value: string): value is HookProvider {
  return (HOOK_PROVIDERS as readonly string[]).includes(value);
}
