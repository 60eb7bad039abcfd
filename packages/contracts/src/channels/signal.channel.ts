import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Validate,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

const E164 = /^\+[1-9]\d{6,14}$/;
/** What signal-cli-rest-api takes as a recipient: a phone number, a `group.<id>` or an account UUID. */
const SIGNAL_RECIPIENT =
  /^(\+[1-9]\d{6,14}|group\.[A-Za-z0-9+/=_-]{1,200}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** signal-cli-rest-api refuses one send to groups and people together, or to several groups. */
@ValidatorConstraint({ name: 'signalRecipients' })
class SignalRecipientsConstraint implements ValidatorConstraintInterface {
  validate(recipients: unknown): boolean {
    if (!Array.isArray(recipients)) return true;
    const groups = recipients.filter((recipient) => String(recipient).startsWith('group.')).length;
    return groups === 0 || (groups === 1 && recipients.length === 1);
  }

  defaultMessage(): string {
    return 'recipients must be one group, or phone numbers and account ids only; use one notifier per group';
  }
}

/**
 * Signal notifier config, sent through a signal-cli REST API server
 * (bbernhard/signal-cli-rest-api). User-targeted deliveries go to the user's phone number.
 */
export class SignalConfigDto {
  /** The signal-cli REST API, often behind a proxy with basic auth. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  serverUrl: string;

  /** The registered sender account, E.164. */
  @IsString()
  @Matches(E164, { message: 'number must be an E.164 phone number such as +4915112345678' })
  number: string;

  /** Where the notifier sends when attached to a resource: E.164 numbers, or one `group.<id>`. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(SIGNAL_RECIPIENT, {
    each: true,
    message: 'each recipient must be an E.164 phone number, a group.<id> or an account UUID',
  })
  @Validate(SignalRecipientsConstraint)
  recipients?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const SIGNAL_CHANNEL: ChannelDefinition = {
  name: ChannelName.Signal,
  configDto: SignalConfigDto,
  addressKind: AddressKind.Phone,
  secretFields: ['password'],
  // Signal publishes no limits but throttles busy senders with a CAPTCHA challenge, and
  // signal-cli in its default mode starts a process per send: one message a second is safe.
  defaultRateLimit: { max: 1, durationMs: 1000 },
  notifierAddress: (config) => {
    const recipients = Array.isArray(config.recipients) ? (config.recipients as string[]) : [];
    return recipients.length > 0 ? recipients.join(', ') : null;
  },
};
