import { readFile } from 'node:fs/promises';
import { HeraldApiError } from '@herald/client';
import { parse } from 'yaml';
import { type CommandIo, defineCommand } from '../command.js';
import { exitCodeFor } from '../exit-code.js';
import { UsageError } from '../usage-error.js';
import { type ApplyPlan, planApply } from './apply-plan.js';
import { fetchCurrentState } from './fetch-current-state.js';
import { HeraldFileError, parseHeraldFile } from './herald-file.js';

/** `herald apply`: bring the server to what a herald.yaml declares; applying twice changes nothing. */
export const applyCommand = defineCommand({
  summary: 'bring notifiers, event types, resources and users to what a herald.yaml declares',
  usage: `usage: herald apply -f <herald.yaml> [--dry-run] [--prune] [--update-secrets]

  -f, --file <file>         the configuration file (notifiers, eventTypes, resources, users)
      --dry-run             print the plan, change nothing
      --prune               also remove what the file no longer names (only in the sections it has)
      --update-secrets      send secret fields even when nothing else changed (the API never shows them)`,
  options: {
    file: { type: 'string', short: 'f' },
    'dry-run': { type: 'boolean', default: false },
    prune: { type: 'boolean', default: false },
    'update-secrets': { type: 'boolean', default: false },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, { api, io }) {
    if (!values.file) throw new UsageError('-f <herald.yaml> is required');
    const { file, present } = await readHeraldFile(values.file, io.env);
    const client = api().rest;

    const current = await fetchCurrentState(client, file, values.prune);
    const plan = planApply(
      file,
      current,
      { prune: values.prune, updateSecrets: values['update-secrets'] },
      present,
    );
    printPlan(plan, io);
    if (values['dry-run'] || plan.changes.length === 0) return 0;

    for (const change of plan.changes) {
      try {
        await client.request(change.method, change.path, change.body);
      } catch (error) {
        const reason = error instanceof HeraldApiError ? error.describe() : (error as Error).message;
        io.error(`failed: ${change.verb} ${change.what}: ${reason}`);
        return exitCodeFor(error);
      }
    }
    io.print(`applied ${plan.changes.length} change(s)`);
    return 0;
  },
});

/** A file that cannot be read or parsed is a usage error (2), like bad JSON for `send`. */
async function readHeraldFile(path: string, env: CommandIo['env']) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`-f ${path}: ${(error as Error).message}`);
  }
  try {
    const file = parseHeraldFile(text, env);
    const present = new Set(Object.keys((parse(text) as object | null) ?? {}));
    return { file, present };
  } catch (error) {
    if (error instanceof HeraldFileError) throw error;
    throw new UsageError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
}

function printPlan(plan: ApplyPlan, io: CommandIo): void {
  for (const change of plan.changes) {
    io.print(`${change.verb} ${change.what}${change.fields?.length ? ` (${change.fields.join(', ')})` : ''}`);
  }
  const count = (verb: string) => plan.changes.filter((c) => c.verb === verb).length;
  io.print(
    plan.changes.length === 0
      ? `no changes (${plan.unchanged} unchanged)`
      : `plan: ${count('+')} to add, ${count('~')} to change, ${count('-')} to remove, ${plan.unchanged} unchanged`,
  );
}
