#!/usr/bin/env node
import 'reflect-metadata';
import { APPLY_USAGE, applyCommand } from './apply/apply.command.js';
import { CliEnv } from './cli-env.js';
import type { CommandIo } from './command.js';
import { migrateCommand } from './migrate.command.js';
import { rotateSecretsCommand } from './rotate-secrets.command.js';

const USAGE = `usage: herald <command> [options]

commands:
  migrate   create the database if it is missing and apply pending migrations (DATABASE_URL)
  apply     bring notifiers, event types, resources and users to what a herald.yaml declares
  rotate-secrets
            re-encrypt every notifier secret with HERALD_SECRET_KEY (the old keys in HERALD_SECRET_KEYS_PREVIOUS)

${APPLY_USAGE}

environment: HERALD_URL (http://127.0.0.1:3000), HERALD_API_KEY, DATABASE_URL, HERALD_SECRET_KEY, HERALD_SECRET_KEYS_PREVIOUS`;

type Command = (args: string[], env: CliEnv, io: CommandIo) => Promise<number>;

const commands: Record<string, Command> = {
  migrate: (_args, env, io) => migrateCommand(env, io.print),
  apply: applyCommand,
  'rotate-secrets': (_args, env, io) => rotateSecretsCommand(env, io.print),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const asked = name === 'help' || name === '--help' || name === '-h';
    process.stderr.write(`${name && !asked ? `unknown command: ${name}\n` : ''}${USAGE}\n`);
    return asked ? 0 : 2;
  }
  const io: CommandIo = {
    print: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  try {
    return await command(args, CliEnv.from(process.env), io);
  } catch (error) {
    io.error(`herald ${name}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
