import 'reflect-metadata';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { HOOK_PROVIDERS, HookProvider } from './hook-provider.enum.js';

/** The same alphabet as an event source id: the account becomes `{kind: "<provider>_account", id}`. */
export const HOOK_ACCOUNT_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** Docker Hub cannot sign: its token travels in the URL, so it must be URL-safe and too long to guess. */
export const DOCKERHUB_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

export class CreateHookSourceDto {
  @IsIn(HOOK_PROVIDERS)
  provider: HookProvider;

  @Matches(HOOK_ACCOUNT_PATTERN, { message: 'account must be 1-128 of A-Z a-z 0-9 _ . : @ -' })
  account: string;

  /** The HMAC key (github, phabricator, generic) or the URL token (dockerhub); never empty. */
  @IsString()
  @MinLength(1, { message: 'secret must not be empty' })
  @MaxLength(1024)
  @Matches(/\S/, { message: 'secret must not be blank' })
  secret: string;
}

/** What else a secret must be for its provider (a DTO decorator cannot look at a sibling field). */
export function hookSecretProblems(provider: HookProvider, secret: string): string[] {
  if (provider === HookProvider.DockerHub && !DOCKERHUB_TOKEN_PATTERN.test(secret)) {
    return ['a dockerhub secret is the URL token: 16-256 of A-Z a-z 0-9 . _ ~ -'];
  }
  return [];
}
