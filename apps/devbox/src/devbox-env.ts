/** The variables the devbox reads; HERALD_-prefixed so turbo passes them through to `pnpm dev`. */
export type DevboxEnvVariables = Partial<
  Record<
    | 'HERALD_DEVBOX_HOST'
    | 'HERALD_DEVBOX_CATCHER_HOST'
    | 'HERALD_DEVBOX_SMTP_PORT'
    | 'HERALD_DEVBOX_HTTP_PORT'
    | 'HERALD_DEVBOX_API_URL'
    | 'HERALD_DEVBOX_SEED'
    | 'HERALD_ADMIN_KEY'
    | 'PORT',
    string
  >
>;

/** The key `pnpm dev` gives the API when the developer sets none (root package.json `dev`). */
export const DEV_ADMIN_KEY = 'dev-admin-key';

export class DevboxEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid devbox environment: ${problems.join('; ')}`);
    this.name = 'DevboxEnvError';
  }
}

/** The devbox's configuration: the only place that reads `process.env`. */
export class DevboxEnv {
  private constructor(
    /** Where both catchers listen; loopback, since nothing here is meant to be reachable from outside. */
    readonly host: string,
    readonly smtpPort: number,
    readonly httpPort: number,
    /** The Herald API the demo is seeded through. */
    readonly apiUrl: string,
    readonly adminKey: string,
    readonly seed: boolean,
    /** The host the seeded notifiers send to (`devbox` in docker compose); null: the listening host. */
    readonly catcherHost: string | null,
  ) {}

  static fromProcess(): DevboxEnv {
    return DevboxEnv.from(process.env as DevboxEnvVariables);
  }

  /** Empty values count as unset, as shells and compose files tend to produce them. */
  static from(variables: DevboxEnvVariables): DevboxEnv {
    const given = (name: keyof DevboxEnvVariables) => (variables[name] === '' ? undefined : variables[name]);
    const problems: string[] = [];
    const port = (name: keyof DevboxEnvVariables, fallback: number): number => {
      const raw = given(name);
      if (raw === undefined) return fallback;
      const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(value >= 0 && value <= 65535)) problems.push(`${name} must be a port (0-65535), got "${raw}"`);
      return value;
    };
    const smtpPort = port('HERALD_DEVBOX_SMTP_PORT', 1025);
    const httpPort = port('HERALD_DEVBOX_HTTP_PORT', 1080);
    // The API listens on PORT: following it keeps the seed working when a developer moves the API.
    const apiPort = port('PORT', 3000);
    const apiUrl = (given('HERALD_DEVBOX_API_URL') ?? `http://127.0.0.1:${apiPort}`).replace(/\/+$/, '');
    if (!/^https?:\/\/\S+$/.test(apiUrl)) problems.push(`HERALD_DEVBOX_API_URL must be an http(s) URL`);
    const seed = given('HERALD_DEVBOX_SEED') ?? 'true';
    if (seed !== 'true' && seed !== 'false')
      problems.push(`HERALD_DEVBOX_SEED must be true or false, got "${seed}"`);
    if (problems.length > 0) throw new DevboxEnvError(problems);
    return new DevboxEnv(
      given('HERALD_DEVBOX_HOST') ?? '127.0.0.1',
      smtpPort,
      httpPort,
      apiUrl,
      given('HERALD_ADMIN_KEY') ?? DEV_ADMIN_KEY,
      seed === 'true',
      given('HERALD_DEVBOX_CATCHER_HOST') ?? null,
    );
  }
}
