import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One app of `apps/` that runs as a long-lived process, i.e. needs a Deployment and a compose service. */
export interface ServiceApp {
  /** The folder name, also the image name (`herald/<name>`) and the Dockerfile's APP. */
  name: string;
  /** For `worker-<channel>` apps, the channel whose `deliver.<channel>` queue it consumes. */
  channel: string | null;
}

interface PackageJson {
  name?: string;
  bin?: unknown;
  scripts?: Record<string, string>;
}

/**
 * Every folder of `apps/` whose package is `@herald/<folder>` with a `start` script. An app with a
 * `bin` (the `herald` CLI) is a command run on demand, not a service, so it is left out.
 */
export function listServiceApps(repoRoot: string): ServiceApp[] {
  const appsDir = join(repoRoot, 'apps');
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'package.json')))
    .flatMap((entry) => {
      const pkg = JSON.parse(readFileSync(join(appsDir, entry.name, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name !== `@herald/${entry.name}` || !pkg.scripts?.start || pkg.bin !== undefined) return [];
      const channel = entry.name.startsWith('worker-') ? entry.name.slice('worker-'.length) : null;
      return [{ name: entry.name, channel }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
