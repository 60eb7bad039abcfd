/**
 * Field names whose values never reach a log line, at the top of an entry or one level down
 * (`config.password`, `headers.authorization`). Every channel's secret config fields are here; a
 * message string is not inspected, so code never puts a secret into one.
 */
const SECRET_NAMES = [
  'authorization',
  'cookie',
  'key',
  'secret',
  'password',
  'token',
  'apiKey',
  'accessToken',
  'appToken',
  'authToken',
  'botToken',
  'bearerToken',
  'appSecret',
  'webhookSecret',
  'saslPassword',
  'routingKey',
  'secretKey',
];

/** Secret only inside a notifier's config (a Slack webhook URL carries its token, an AMQP URL its password). */
const CONFIG_SECRET_NAMES = ['url', 'webhookUrl', ...SECRET_NAMES];

const HEADER_NAMES = ['authorization', 'cookie', '["x-app-secret"]', '["x-herald-signature"]'];

const header = (name: string) => (name.startsWith('[') ? name : `.${name}`);

export const REDACT_PATHS: readonly string[] = [
  ...SECRET_NAMES.flatMap((name) => [name, `*.${name}`]),
  ...CONFIG_SECRET_NAMES.flatMap((name) => [`config.${name}`, `*.config.${name}`]),
  ...HEADER_NAMES.flatMap((name) => [`headers${header(name)}`, `*.headers${header(name)}`]),
];

export const REDACTED = '[redacted]';
