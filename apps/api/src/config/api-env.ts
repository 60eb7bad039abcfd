import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsSecretKey, IsSecretKeyList } from '@herald/contracts';

/** The variables the API reads, by their environment names. */
export type ApiEnvVariables = Partial<Record<keyof typeof VARIABLES, string>>;

// Environment name -> property, so error messages can name what the operator actually sets.
const VARIABLES = {
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  PORT: 'port',
  HOST: 'host',
  HERALD_ADMIN_KEY: 'adminKey',
  HERALD_QUEUE_PREFIX: 'queuePrefix',
  HERALD_MAX_ATTEMPTS: 'maxAttempts',
  HERALD_BODY_LIMIT: 'bodyLimit',
  HERALD_DB_POOL_SIZE: 'dbPoolSize',
  HERALD_SECRET_KEY: 'secretKey',
  HERALD_SECRET_KEYS_PREVIOUS: 'secretKeysPrevious',
  HERALD_INGEST_RATE_LIMIT_PER_MINUTE: 'ingestRateLimitPerMinute',
  NODE_ENV: 'nodeEnv',
  HERALD_GRPC_PORT: 'grpcPort',
} as const;

const DEFAULTS: Required<
  Omit<ApiEnvVariables, 'HERALD_ADMIN_KEY' | 'HERALD_SECRET_KEY' | 'HERALD_SECRET_KEYS_PREVIOUS' | 'NODE_ENV'>
> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/herald',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PORT: '3000',
  HOST: '0.0.0.0',
  HERALD_QUEUE_PREFIX: 'herald',
  HERALD_MAX_ATTEMPTS: '5',
  HERALD_BODY_LIMIT: '1mb',
  HERALD_DB_POOL_SIZE: '10',
  HERALD_INGEST_RATE_LIMIT_PER_MINUTE: '6000',
  HERALD_GRPC_PORT: '50051',
};

// Values never echoed back in an error message: they may hold credentials.
const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'HERALD_ADMIN_KEY',
  'HERALD_SECRET_KEY',
  'HERALD_SECRET_KEYS_PREVIOUS',
]);

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const GRPC_PORT_MESSAGE = '$property must be a port (1-65535) or off';

export class ApiEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid API environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ApiEnvError';
  }
}

/** The API's configuration: the only place that reads `process.env`. */
export class ApiEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: '$property must be a postgres:// URL' })
  databaseUrl: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: '$property must be a redis:// or rediss:// URL' })
  redisUrl: string;

  @Transform(toInteger)
  @Min(0)
  @Max(65535)
  @IsInt({ message: '$property must be an integer' })
  port: number;

  @IsString()
  @MinLength(1)
  host: string;

  /** Installed as the `bootstrap-admin` key on every start; unset means no bootstrap key. */
  @IsOptional()
  @Matches(/^\S+$/, { message: '$property must be a non-empty string without whitespace' })
  adminKey?: string;

  // The queue factory wraps it in `<prefix>:{<queue>}`: braces or colons here would break the hash tag.
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be 1-64 of A-Z a-z 0-9 _ -' })
  queuePrefix: string;

  @Transform(toInteger)
  @Min(1)
  @Max(100)
  @IsInt({ message: '$property must be an integer' })
  maxAttempts: number;

  @Matches(/^\d+(b|kb|mb|gb)?$/i, { message: '$property must be a size such as 1mb, 512kb or 1048576' })
  bodyLimit: string;

  @Transform(toInteger)
  @Min(1)
  @Max(1000)
  @IsInt({ message: '$property must be an integer' })
  dbPoolSize: number;

  /** Ingest requests per minute per API key, unless the key has its own limit; 0: no limit. */
  @Transform(toInteger)
  @Min(0)
  @Max(1_000_000)
  @IsInt({ message: '$property must be an integer' })
  ingestRateLimitPerMinute: number;

  /** Encrypts notifier secrets at rest. Unset: the public development key, refused in production. */
  @IsSecretKey((env: ApiEnv) => env.nodeEnv === 'production')
  secretKey?: string;

  /** Keys being rotated out (comma-separated): they still decrypt, nothing is encrypted with them. */
  @IsSecretKeyList()
  secretKeysPrevious: string[] = [];

  @IsOptional()
  @IsString()
  nodeEnv?: string;

  /** Port of the gRPC server (herald.v1.Herald), on `host`; null (`off`) serves no gRPC. */
  @Transform(({ value }: { value: unknown }) => (value === 'off' ? null : toInteger({ value })))
  @IsOptional()
  @Min(1, { message: GRPC_PORT_MESSAGE })
  @Max(65535, { message: GRPC_PORT_MESSAGE })
  @IsInt({ message: GRPC_PORT_MESSAGE })
  grpcPort: number | null;

  /** Reads `process.env`; `overrides` win (for tools that start the API in-process). */
  static fromProcess(overrides: ApiEnvVariables = {}): ApiEnv {
    return ApiEnv.from({ ...(process.env as ApiEnvVariables), ...overrides });
  }

  /** Validates the given variables over the defaults; throws ApiEnvError naming every bad one. */
  static from(variables: ApiEnvVariables): ApiEnv {
    const plain: Record<string, string | undefined> = {};
    for (const [name, property] of Object.entries(VARIABLES)) {
      const given = variables[name as keyof ApiEnvVariables];
      // An empty variable (`PORT=`) means "not set", as shells and compose files tend to produce.
      const value = given === undefined || given === '' ? DEFAULTS[name as keyof typeof DEFAULTS] : given;
      if (value !== undefined) plain[property] = value;
    }
    const env = plainToInstance(ApiEnv, plain);
    // One message per variable; the checks run bottom-up, so the type check sits nearest the property.
    const errors = validateSync(env, { forbidUnknownValues: true, stopAtFirstError: true });
    if (errors.length > 0) {
      throw new ApiEnvError(
        errors.map((error) => {
          const name = Object.entries(VARIABLES).find(([, property]) => property === error.property)![0];
          const messages = Object.values(error.constraints ?? {}).map((m) => m.replace(/^\S+ /, ''));
          const shown = SECRET_VARIABLES.has(name) ? '' : ` (got "${String(error.value)}")`;
          return `${name} ${messages.join('; ')}${shown}`;
        }),
      );
    }
    return env;
  }
}
