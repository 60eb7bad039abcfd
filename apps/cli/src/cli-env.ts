import { Expose } from 'class-transformer';
import { IsOptional, IsString, IsUrl } from 'class-validator';
import { IsSecretKey, IsSecretKeyList, loadEnv } from '@herald/contracts';
import { UsageError } from './usage-error.js';

/** The CLI's configuration; the only reader of process.env here. */
export class CliEnv {
  @Expose()
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/herald';

  /** The API the CLI talks to. */
  @Expose()
  @IsUrl({ require_tld: false, require_protocol: true })
  HERALD_URL = 'http://127.0.0.1:3000';

  @Expose()
  @IsOptional()
  @IsString()
  HERALD_API_KEY?: string;

  /** For `rotate-secrets`: the key every notifier secret is re-encrypted with. */
  @Expose()
  @IsSecretKey()
  HERALD_SECRET_KEY?: string;

  /** For `rotate-secrets`: the keys the secrets may be encrypted with now (comma-separated). */
  @Expose()
  @IsSecretKeyList()
  HERALD_SECRET_KEYS_PREVIOUS: string[] = [];

  requireApiKey(): string {
    if (!this.HERALD_API_KEY)
      throw new UsageError(
        'set HERALD_API_KEY (or --api-key) to an API key; most commands need the admin scope',
      );
    return this.HERALD_API_KEY;
  }

  static from(source: Record<string, string | undefined>): CliEnv {
    return loadEnv(CliEnv, source);
  }
}
