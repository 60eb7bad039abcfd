import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CHANNEL_REGISTRY } from './channel-registry.js';
import { type ChannelName } from './channel-name.enum.js';

export interface ConfigProblem {
  field: string;
  messages: string[];
}

/** Validates a notifier config against its channel's DTO; an empty list means valid. */
export function validateChannelConfig(channel: ChannelName, config: unknown): ConfigProblem[] {
  if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config)))
    return [{ field: 'config', messages: ['config must be an object'] }];
  const definition = CHANNEL_REGISTRY[channel];
  const instance = plainToInstance(definition.configDto, config ?? {});
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // A channel whose config has no fields at all (in-app) accepts `{}`.
    forbidUnknownValues: false,
  });
  return flatten(errors, 'config');
}

function flatten(errors: ValidationError[], prefix: string): ConfigProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
