import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsSecretKey, IsSecretKeyList } from './secret-key.decorators.js';

/** What every queue-driven service (router, channel workers) reads; each app's env class extends it. */
export class ServiceEnv {
  @Expose()
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/herald';

  @Expose()
  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Base of every queue key, so several Herald deployments can share one Redis. */
  @Expose()
  // Queue keys are `<prefix>:{<queue>}`: braces or colons here would break the hash tag.
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be 1-64 of A-Z a-z 0-9 _ -' })
  HERALD_QUEUE_PREFIX = 'herald';

  /** Postgres connections per process. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  HERALD_DB_POOL_SIZE = 10;

  /** `production` makes HERALD_SECRET_KEY mandatory instead of falling back to the development key. */
  @Expose()
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** Encrypts notifier secrets at rest. Unset: the public development key (with a warning at start). */
  @Expose()
  @IsSecretKey((env: ServiceEnv) => env.NODE_ENV === 'production')
  HERALD_SECRET_KEY?: string;

  /** Keys being rotated out (comma-separated): they still decrypt, nothing is encrypted with them. */
  @Expose()
  @IsSecretKeyList()
  HERALD_SECRET_KEYS_PREVIOUS: string[] = [];
}
