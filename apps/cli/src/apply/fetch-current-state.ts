import type { AttachmentView, NotifierView, ResourceView, UserView } from '@herald/contracts';
import type { HeraldRestClient } from '@herald/client';
import type { CurrentState, EventTypeState } from './current-state.js';
import type { HeraldFile } from './herald-file.js';

const resourcePath = (kind: string, id: string) =>
  `/v1/resources/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;

/** Reads what the plan compares against: everything the file names, and with prune the rest of each section. */
export async function fetchCurrentState(
  client: HeraldRestClient,
  file: HeraldFile,
  prune: boolean,
): Promise<CurrentState> {
  const [notifiers, eventTypes] = await Promise.all([
    client.all<NotifierView>('/v1/notifiers'),
    client.all<EventTypeState>('/v1/event-types'),
  ]);

  const resourceRefs = new Map(file.resources.map((r) => [`${r.kind}/${r.id}`, { kind: r.kind, id: r.id }]));
  if (prune) {
    for (const view of await client.all<ResourceView>('/v1/resources'))
      resourceRefs.set(`${view.kind}/${view.id}`, view);
  }
  const resources: CurrentState['resources'] = [];
  for (const ref of resourceRefs.values()) {
    const view = await client.find<ResourceView>(resourcePath(ref.kind, ref.id));
    if (!view) continue;
    const attachments = await client.all<AttachmentView>(`${resourcePath(ref.kind, ref.id)}/notifiers`);
    resources.push({ view, attachments });
  }

  const users = prune
    ? await client.all<UserView>('/v1/users')
    : (
        await Promise.all(
          file.users.map((u) => client.find<UserView>(`/v1/users/${encodeURIComponent(u.id)}`)),
        )
      ).filter((user): user is UserView => user !== null);
  return { notifiers, eventTypes, resources, users };
}
