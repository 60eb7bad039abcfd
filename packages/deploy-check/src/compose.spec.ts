import { loadYamlFile } from './kustomize.js';
import { COMPOSE_FILE, REPO_ROOT } from './repo-paths.js';
import { listServiceApps } from './service-apps.js';

interface ComposeService {
  image?: string;
  command?: string[] | string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
  profiles?: string[];
  stop_grace_period?: string;
}

// What `docker compose up` starts without a profile; every other channel has one.
const DEFAULT_APPS = ['api', 'router', 'worker-email', 'worker-webhook', 'worker-inapp'];
const DEFAULT_DISPATCH_TIMEOUT_S = 60;

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '');
  return match ? Number(match[1]) * (match[2] === 'm' ? 60 : 1) : 10;
}

function words(value: string[] | string | undefined): string[] {
  return Array.isArray(value) ? value : (value ?? '').split(/\s+/);
}

describe('docker-compose.yml', () => {
  const [compose] = loadYamlFile(COMPOSE_FILE);
  const services = compose.services as Record<string, ComposeService>;
  const apps = listServiceApps(REPO_ROOT);

  it.each(apps.map((app) => [app.name]))('builds %s from the shared Dockerfile with its APP', (name) => {
    expect(services[name]?.build).toEqual({
      context: '.',
      dockerfile: 'infra/docker/Dockerfile',
      args: { APP: name },
    });
  });

  it('gives every app the shared environment, healthy stores first, and time to finish a send', () => {
    for (const app of apps) {
      const service = services[app.name];
      expect(Object.keys(service.environment ?? {})).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'HERALD_QUEUE_PREFIX', 'HERALD_SECRET_KEY']),
      );
      expect(service.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect([app.name, seconds(service.stop_grace_period) > DEFAULT_DISPATCH_TIMEOUT_S]).toEqual([
        app.name,
        true,
      ]);
    }
  });

  it('starts the core apps by default and every other channel worker under its profile and `channels`', () => {
    for (const app of apps) {
      const profiles = services[app.name].profiles;
      if (DEFAULT_APPS.includes(app.name)) expect([app.name, profiles]).toEqual([app.name, undefined]);
      else expect([app.name, profiles?.sort()]).toEqual([app.name, ['channels', app.channel].sort()]);
    }
  });

  it('runs Redis with noeviction, so BullMQ never loses a queued job', () => {
    const command = words(services.redis?.command);
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
  });

  it('health-checks the API on its readiness route', () => {
    expect(words(services.api?.healthcheck?.test).join(' ')).toContain('/health/ready');
  });
});
