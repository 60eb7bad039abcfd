/** The parts of a V8 .cpuprofile (node --cpu-prof) the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  startTime: number;
  endTime: number;
}

export interface CostLine {
  name: string;
  ms: number;
  /** Of the busy time (idle excluded), in percent. */
  share: number;
}

export interface ProfileSummary {
  app: string;
  file: string;
  totalMs: number;
  busyMs: number;
  /** Where the busy time went: GC, node internals, each npm package, each Herald package. */
  byArea: CostLine[];
  /** The functions with the most self time. */
  topFunctions: CostLine[];
}

/** Self time by area and by function, from the samples' hit counts. */
export function summarizeCpuProfile(
  profile: CpuProfile,
  app: string,
  file: string,
  top = 15,
): ProfileSummary {
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = hits > 0 ? totalMs / hits : 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleMs = 0;
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerHit;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const area = areaOf(functionName, url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = url ? ` ${shortUrl(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const busyMs = totalMs - idleMs;
  const lines = (costs: Map<string, number>, limit: number): CostLine[] =>
    [...costs.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round(busyMs > 0 ? (ms / busyMs) * 100 : 0) }));
  return {
    app,
    file,
    totalMs: round(totalMs),
    busyMs: round(busyMs),
    byArea: lines(areas, 12),
    topFunctions: lines(functions, top),
  };
}

/** `(garbage collector)`, `node internals`, an npm package name, or `@herald/<folder>` for our own code. */
export function areaOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  const herald = /\/(?:apps|packages)\/([^/]+)\//.exec(url);
  if (herald) return `@herald/${herald[1]}`;
  return 'other';
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + '/node_modules/'.length);
  const herald = /\/((?:apps|packages)\/.*)$/.exec(url);
  return herald ? herald[1]! : url.replace(/^file:\/\//, '');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
