import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The monorepo root, from this file in src/ (tests) or dist/ (the generator). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const K8S_DIR = join(REPO_ROOT, 'infra', 'k8s');
export const BASE_DIR = join(K8S_DIR, 'base');
export const DEV_DIR = join(K8S_DIR, 'overlays', 'dev');
export const WORKERS_FILE = join(BASE_DIR, 'channel-workers.generated.yaml');
export const DEV_IMAGES_FILE = join(DEV_DIR, 'local-images', 'kustomization.yaml');
export const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');
