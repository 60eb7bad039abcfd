export type CheckState = 'up' | 'down';

/** What `/health/ready` answers: the API's shape, one entry per check. */
export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckState>;
}

/** A check passes when it resolves to anything but `false`; throwing or hanging fails it. */
export type ReadinessCheck = () => Promise<unknown> | unknown;

// Probes answer within a load balancer's usual timeout even when a dependency hangs rather than refuses.
const PROBE_TIMEOUT_MS = 2000;

/** Runs every check at once; ready when all are up. */
export async function checkReadiness(
  checks: Record<string, ReadinessCheck>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Readiness> {
  const names = Object.keys(checks);
  const states = await Promise.all(names.map((name) => probe(checks[name]!, timeoutMs)));
  return {
    status: states.every((state) => state === 'up') ? 'ok' : 'unavailable',
    checks: Object.fromEntries(names.map((name, index) => [name, states[index]!])),
  };
}

async function probe(check: ReadinessCheck, timeoutMs: number): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const result = Promise.resolve()
    .then(check)
    .then(
      (value): CheckState => (value === false ? 'down' : 'up'),
      (): CheckState => 'down',
    );
  return Promise.race([result, timeout]).finally(() => clearTimeout(timer));
}
