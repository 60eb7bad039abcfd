import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvValidationError';
  }
}

/**
 * Builds an app's env class from a source (process.env in production, a plain object in tests):
 * converts types (`@Type(() => Number)`), applies the class's defaults, and fails with every problem at once.
 */
export function loadEnv<Env extends object>(
  envClass: new () => Env,
  source: Record<string, string | undefined>,
): Env {
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(envClass, defined, {
    exposeDefaultValues: true,
    excludeExtraneousValues: true,
  });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new EnvValidationError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`)),
    );
  }
  return env;
}
