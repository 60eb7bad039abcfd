import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HeraldApiError, HeraldRestClient } from '@herald/client';
import { parse } from 'yaml';
import type { CliEnv } from '../cli-env.js';
import type { CommandIo } from '../command.js';
import { type ApplyPlan, planApply } from './apply-plan.js';
import { fetchCurrentState } from './fetch-current-state.js';
import { parseHeraldFile } from './herald-file.js';

export const APPLY_USAGE = `usage: herald apply -f <herald.yaml> [--dry-run] [--prune] [--update-secrets]

  -f, --file          the configuration file (notifiers, eventTypes, resources, users)
      --dry-run       print the plan, change nothing
      --prune         also remove what the file no longer names (only in the sections it has)
      --update-secrets  send secret fields even when nothing else changed (the API never shows them)`;

/** `herald apply`: bring the server to what a herald.yaml declares; applying twice changes nothing. */
export async function applyCommand(args: string[], env: CliEnv, io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string', short: 'f' },
      'dry-run': { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      'update-secrets': { type: 'boolean', default: false },
    },
  });
  if (!values.file) {
    io.error(APPLY_USAGE);
    return 2;
  }
  const text = await readFile(values.file, 'utf8');
  const file = parseHeraldFile(text, io.env);
  const present = new Set(Object.keys((parse(text) as object | null) ?? {}));
  const client = new HeraldRestClient({ url: env.HERALD_URL, apiKey: env.requireApiKey() });

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
      return 1;
    }
  }
  io.print(`applied ${plan.changes.length} change(s)`);
  return 0;
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
