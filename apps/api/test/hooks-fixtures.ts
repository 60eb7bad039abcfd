import { createRequire } from 'node:module';

// The package is a JSON file (no ESM entry): required, as Node's ESM loader would need an import attribute.
const require = createRequire(import.meta.url);

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const DEFINITIONS = require('@octokit/webhooks-examples') as WebhookDefinition[];

/**
 * A real GitHub payload from @octokit/webhooks-examples: the first example of `event` that `pick`
 * accepts. A fresh copy each time, so a test may adjust it.
 */
export function githubExample(
  event: string,
  pick: (example: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const example = DEFINITIONS.find((definition) => definition.name === event)?.examples.find(pick);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event} example of that kind`);
  return structuredClone(example);
}

export const withAction = (action: string) => (example: Record<string, unknown>) => example.action === action;

/** Docker Hub's documented payload (https://docs.docker.com/docker-hub/repos/manage/webhooks/). */
export const DOCKERHUB_PAYLOAD = {
  callback_url:
    'https://registry.hub.docker.com/u/svendowideit/testhook/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/',
  push_data: { pushed_at: 1417566161, pusher: 'trustedbuilder', tag: 'latest' },
  repository: {
    comment_count: 0,
    date_created: 1417494799,
    description: '',
    dockerfile: '#\n# BUILD\t\tdocker build -t svendowideit/apt-cacher .\n',
    full_description: 'Docker Hub based automated build from a GitHub repo',
    is_official: false,
    is_private: true,
    is_trusted: true,
    name: 'testhook',
    namespace: 'svendowideit',
    owner: 'svendowideit',
    repo_name: 'svendowideit/testhook',
    repo_url: 'https://registry.hub.docker.com/u/svendowideit/testhook/',
    star_count: 0,
    status: 'Active',
  },
};

/** Phabricator's documented payload (src/docs/user/userguide/webhooks.diviner), for a task. */
export const PHABRICATOR_PAYLOAD = {
  object: { type: 'TASK', phid: 'PHID-TASK-abcd1234' },
  triggers: [{ phid: 'PHID-HRUL-abcd1234' }],
  action: { test: false, silent: false, secure: false, epoch: 1536168000 },
  transactions: [{ phid: 'PHID-XACT-TASK-abcd1234' }, { phid: 'PHID-XACT-TASK-efgh5678' }],
};
