import type { HookEvent } from './hook-event.js';
import { link, type Payload, text } from './payload-fields.js';

/** Docker Hub sends one kind of hook, a push of a tag (https://docs.docker.com/docker-hub/repos/manage/webhooks/). */
export function mapDockerHubEvent(account: string, payload: Payload): HookEvent {
  const repo =
    text(payload, 'repository', 'repo_name') ??
    joined(text(payload, 'repository', 'namespace'), text(payload, 'repository', 'name')) ??
    account;
  const tag = text(payload, 'push_data', 'tag');
  const pusher = text(payload, 'push_data', 'pusher');
  return {
    type: 'dockerhub.push',
    // A push neither succeeds nor fails and has no action: the type says it all.
    trigger: null,
    summary: `[${repo}] pushed ${tag ? `tag ${tag}` : 'an image'}${pusher ? ` by ${pusher}` : ''}`,
    link: linkTo(link(payload, 'repository', 'repo_url')),
  };
}

function joined(namespace: string | undefined, name: string | undefined): string | undefined {
  return namespace && name ? `${namespace}/${name}` : undefined;
}

function linkTo(url: string | undefined): HookEvent['link'] {
  return url ? { label: 'Open on Docker Hub', url } : null;
}
