import { Transform } from 'class-transformer';
import { Matches, ValidateIf, type ValidationArguments } from 'class-validator';

/** 32 bytes as 64 hex characters, or as base64 / base64url (the one padding `=` optional). */
export const SECRET_KEY_PATTERN = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{42}[AEIMQUYcgkosw048]=?)$/;

const FORMAT = '32 random bytes as 64 hex characters or base64 (generate one with: openssl rand -hex 32)';

/**
 * An encryption key variable. `required` tells when it may not be left unset (production). The
 * messages never quote the value: it is the key.
 */
export function IsSecretKey<Env extends object>(
  required: (env: Env) => boolean = () => false,
): PropertyDecorator {
  return (target, property) => {
    ValidateIf((env: Env, value: unknown) => value !== undefined || required(env))(
      target,
      property as string,
    );
    Matches(SECRET_KEY_PATTERN, {
      message: ({ value }: ValidationArguments) =>
        value === undefined
          ? `$property must be set when NODE_ENV=production: ${FORMAT}`
          : `$property must be ${FORMAT}`,
    })(target, property as string);
  };
}

/** A comma-separated list of keys in the environment, an array of keys in the env class. */
export function IsSecretKeyList(): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((key) => key.trim())
            .filter((key) => key.length > 0)
        : value,
    )(target, property as string);
    Matches(SECRET_KEY_PATTERN, { each: true, message: `$property must each be ${FORMAT}` })(
      target,
      property as string,
    );
  };
}
