import { pauseCommand, resumeCommand } from './admin/pause.command.js';
import { statusCommand } from './admin/status.command.js';
import { applyCommand } from './apply/apply.command.js';
import { type Command, defineCommand, GLOBAL_USAGE } from './command.js';
import {
  cancelNotificationCommand,
  getNotificationCommand,
  listNotificationsCommand,
  retryNotificationCommand,
} from './notifications/notifications.command.js';
import { listNotifiersCommand, testNotifierCommand } from './notifiers/notifiers.command.js';
import { sendCommand } from './send/send.command.js';

/** Every command by its words; a two-word name makes its first word a group (`herald notifications`). */
export const COMMANDS: Record<string, Command> = {
  send: sendCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  status: statusCommand,
  'notifications get': getNotificationCommand,
  'notifications list': listNotificationsCommand,
  'notifications retry': retryNotificationCommand,
  'notifications cancel': cancelNotificationCommand,
  'notifiers list': listNotifiersCommand,
  'notifiers test': testNotifierCommand,
  apply: applyCommand,
  // The database commands load TypeORM (@herald/data) only when run: every API command starts faster.
  migrate: defineCommand({
    summary: 'create the database if it is missing and apply pending migrations (DATABASE_URL)',
    usage: 'usage: herald migrate',
    options: {},
    positionals: { min: 0, max: 0 },
    run: async (_input, { env, io }) => (await import('./migrate.command.js')).migrateCommand(env, io.print),
  }),
  'rotate-secrets': defineCommand({
    summary: 're-encrypt every secret with HERALD_SECRET_KEY (old keys: HERALD_SECRET_KEYS_PREVIOUS)',
    usage: 'usage: herald rotate-secrets',
    options: {},
    positionals: { min: 0, max: 0 },
    run: async (_input, { env, io }) =>
      (await import('./rotate-secrets.command.js')).rotateSecretsCommand(env, io.print),
  }),
} as Record<string, Command>;

export const GROUPS: ReadonlySet<string> = new Set(
  Object.keys(COMMANDS)
    .filter((name) => name.includes(' '))
    .map((name) => name.split(' ')[0]!),
);

export const USAGE = `usage: herald <command> [options]

commands:
${commandList(Object.keys(COMMANDS))}

${GLOBAL_USAGE}

"herald <command> --help" shows a command's options.
environment: HERALD_URL (http://127.0.0.1:3000), HERALD_API_KEY, DATABASE_URL (migrate, rotate-secrets),
  HERALD_SECRET_KEY, HERALD_SECRET_KEYS_PREVIOUS (rotate-secrets)
exit codes: 0 ok, 1 the operation failed, 2 usage error, 3 the API refused (4xx), 4 the API is unreachable or failing (5xx)`;

export function groupUsage(group: string): string {
  return `usage: herald ${group} <command> [options]

commands:
${commandList(Object.keys(COMMANDS).filter((name) => name.startsWith(`${group} `)))}`;
}

export function commandUsage(command: Command): string {
  return `${command.usage}\n\n${GLOBAL_USAGE}`;
}

function commandList(names: string[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]!.summary}`).join('\n');
}
