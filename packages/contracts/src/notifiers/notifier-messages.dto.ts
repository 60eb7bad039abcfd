import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Where a notifier's custom message applies: a trigger, the test endpoint, or `default` for the rest. */
export const NOTIFIER_MESSAGE_KEYS = ['default', 'started', 'success', 'error', 'approval', 'test'] as const;

export type NotifierMessageKey = (typeof NOTIFIER_MESSAGE_KEYS)[number];

export type NotifierMessagesView = Partial<Record<NotifierMessageKey, { title?: string; body?: string }>>;

/** One custom message: LiquidJS templates over the event data, like an event type's. */
export class NotifierMessageDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  body?: string;
}

/** A notifier's custom messages; a key left out falls back to `default`, then to the event type's. */
export class NotifierMessagesDto {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  default?: NotifierMessageDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  started?: NotifierMessageDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  success?: NotifierMessageDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  error?: NotifierMessageDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  approval?: NotifierMessageDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifierMessageDto)
  test?: NotifierMessageDto | null;
}
