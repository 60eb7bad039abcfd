import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** `+` then up to 15 digits, no leading zero (ITU-T E.164). */
export const TWILIO_E164_PATTERN = /^\+[1-9]\d{1,14}$/;

export enum TwilioMode {
  Sms = 'sms',
  Call = 'call',
}

/** Twilio notifier config: SMS through Messages, or a voice call reading the title through Calls. */
export class TwilioConfigDto {
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'accountSid must be AC followed by 32 hex digits' })
  accountSid: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  authToken: string;

  @IsOptional()
  @IsIn(Object.values(TwilioMode))
  mode?: TwilioMode;

  /** The sending number; required for calls, and for SMS without a messaging service. */
  @ValidateIf(
    (config: TwilioConfigDto) =>
      config.from !== undefined ||
      config.mode === TwilioMode.Call ||
      config.messagingServiceSid === undefined,
  )
  @Matches(TWILIO_E164_PATTERN, {
    message: 'from must be an E.164 number (required for calls, and for sms without messagingServiceSid)',
  })
  from?: string;

  /** A Messaging Service sends SMS from its own number pool instead of `from`. */
  @IsOptional()
  @Matches(/^MG[0-9a-fA-F]{32}$/, { message: 'messagingServiceSid must be MG followed by 32 hex digits' })
  messagingServiceSid?: string;

  /** The numbers a notifier target sends to; a user-targeted delivery goes to the user's phone. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(TWILIO_E164_PATTERN, { each: true, message: 'each number in to must be an E.164 number' })
  to?: string[];

  /** Twilio API base URL (a proxy, a regional edge); default https://api.twilio.com. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  apiUrl?: string;
}

export const TWILIO_CHANNEL: ChannelDefinition = {
  name: ChannelName.Twilio,
  configDto: TwilioConfigDto,
  addressKind: AddressKind.Phone,
  secretFields: ['authToken'],
  // Twilio queues messages beyond a sender's throughput; this stays well under the account's
  // REST concurrency limit even when a delivery fans out to several numbers.
  defaultRateLimit: { max: 10, durationMs: 1000 },
  notifierAddress: (config) => {
    const to = Array.isArray(config.to) ? (config.to as string[]) : [];
    return to.length > 0 ? to.join(', ') : null;
  },
};
