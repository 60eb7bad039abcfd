import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ActionDto, ResourceRefDto } from '../events/create-event.dto.js';

/** `POST /v1/event-types/:name/preview`: the parts of an event the templates see, as sample data. */
export class PreviewEventTypeDto {
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceRefDto)
  source?: ResourceRefDto;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  trigger?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];
}
