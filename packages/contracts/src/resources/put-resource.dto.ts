import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ResourceRefDto } from '../events/create-event.dto.js';
import { NAME_PATTERN } from '../notifiers/create-notifier.dto.js';

/** The root of every resource tree: notifiers attached to it are the defaults. */
export const DEPLOYMENT_RESOURCE = { kind: 'deployment', id: 'default' } as const;

export class PutResourceDto {
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceRefDto)
  parent?: ResourceRefDto;

  @IsOptional()
  @IsBoolean()
  inheritNotifiers?: boolean;
}

export const TRIGGER_PATTERN = /^(started|success|error|approval|any|[a-z0-9_.*-]{1,128})$/i;

export class AttachNotifierDto {
  @Matches(NAME_PATTERN)
  notifier: string;

  /** `started`, `success`, `error`, `approval`, `any`, or an event-type glob such as `github.*`. */
  @IsArray()
  @ArrayMinSize(1)
  @Matches(TRIGGER_PATTERN, { each: true })
  triggers: string[];
}
