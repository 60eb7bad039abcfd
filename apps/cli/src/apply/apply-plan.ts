import { isDeepStrictEqual } from 'node:util';
import { MASKED_SECRET } from '@herald/contracts';
import type { CurrentState } from './current-state.js';
import type { HeraldFile, NotifierSpec, ResourceSpec } from './herald-file.js';

export type ChangeVerb = '+' | '~' | '-';

/** One API call of the plan, with the line that tells a person what it does. */
export interface PlannedChange {
  verb: ChangeVerb;
  what: string;
  fields?: string[];
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface PlanOptions {
  /** Remove what the file no longer names, in the sections the file has. */
  prune: boolean;
  /** Send secret fields even when nothing else changed (the server only shows them masked). */
  updateSecrets: boolean;
}

export interface ApplyPlan {
  changes: PlannedChange[];
  unchanged: number;
}

/**
 * The calls that bring the server to what the file says, in an order that works: notifiers (a
 * fallback before the notifier naming it), event types, resources (parents first), attachments,
 * users; then, with prune, removals in reverse. Applying the same file twice plans nothing.
 */
export function planApply(
  file: HeraldFile,
  current: CurrentState,
  options: PlanOptions,
  present: Set<string>,
): ApplyPlan {
  const plan: ApplyPlan = { changes: [], unchanged: 0 };
  planNotifiers(file, current, options, plan);
  planEventTypes(file, current, plan);
  planResources(file, current, plan);
  planUsers(file, current, plan);
  if (options.prune) planPrune(file, current, present, plan);
  return plan;
}

function planNotifiers(file: HeraldFile, current: CurrentState, options: PlanOptions, plan: ApplyPlan): void {
  const existing = new Map(current.notifiers.map((n) => [n.name, n]));
  for (const spec of fallbacksFirst(file.notifiers)) {
    const found = existing.get(spec.name);
    const path = `/v1/notifiers/${encodeURIComponent(spec.name)}`;
    if (!found) {
      plan.changes.push({
        verb: '+',
        what: `notifier ${spec.name}`,
        method: 'POST',
        path: '/v1/notifiers',
        body: spec,
      });
      continue;
    }
    if (found.type !== spec.type) {
      // A notifier's type cannot change in place: replace it.
      plan.changes.push({
        verb: '-',
        what: `notifier ${spec.name} (type ${found.type})`,
        method: 'DELETE',
        path,
      });
      plan.changes.push({
        verb: '+',
        what: `notifier ${spec.name}`,
        method: 'POST',
        path: '/v1/notifiers',
        body: spec,
      });
      continue;
    }
    const fields = changed({
      description: [spec.description ?? null, found.description],
      default: [spec.default ?? false, found.default],
      fallback: [spec.fallback ?? null, found.fallback],
      messages: [spec.messages ?? null, found.messages ?? null],
      maxAttempts: [spec.maxAttempts ?? null, found.maxAttempts ?? null],
    });
    const config: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(spec.config)) {
      const secret = found.config[key] === MASKED_SECRET;
      config[key] = secret && !options.updateSecrets ? MASKED_SECRET : value;
      if (secret ? options.updateSecrets : !isDeepStrictEqual(value, found.config[key]))
        fields.push(`config.${key}`);
    }
    for (const key of Object.keys(found.config)) if (!(key in spec.config)) fields.push(`config.${key}`);
    if (fields.length === 0) {
      plan.unchanged++;
      continue;
    }
    const { name: _name, type: _type, ...changes } = spec;
    plan.changes.push({
      verb: '~',
      what: `notifier ${spec.name}`,
      fields,
      method: 'PATCH',
      path,
      body: { ...changes, config },
    });
  }
}

function planEventTypes(file: HeraldFile, current: CurrentState, plan: ApplyPlan): void {
  const existing = new Map(current.eventTypes.map((e) => [e.name, e]));
  for (const spec of file.eventTypes) {
    const { name, adminMethods, ...body } = spec;
    const found = existing.get(name);
    const path = `/v1/event-types/${encodeURIComponent(name)}`;
    const fields = found
      ? changed({
          templates: [spec.templates ?? {}, found.templates],
          ...(spec.defaultMethods ? { defaultMethods: [spec.defaultMethods, found.defaultMethods] } : {}),
          enabledByDefault: [spec.enabledByDefault ?? true, found.enabledByDefault],
          critical: [spec.critical ?? false, found.critical],
          group: [spec.group ?? null, found.group],
          dedupeWindowSeconds: [spec.dedupeWindowSeconds ?? null, found.dedupeWindowSeconds ?? null],
        })
      : [];
    if (!found) plan.changes.push({ verb: '+', what: `event type ${name}`, method: 'PUT', path, body });
    else if (fields.length > 0)
      plan.changes.push({ verb: '~', what: `event type ${name}`, fields, method: 'PUT', path, body });
    if (adminMethods !== undefined && !isDeepStrictEqual(adminMethods, found?.adminMethods ?? null)) {
      plan.changes.push({
        verb: '~',
        what: `event type ${name} admin methods`,
        method: 'PUT',
        path: `/v1/admin/event-types/${encodeURIComponent(name)}/methods`,
        body: { methods: adminMethods },
      });
    } else if (found && fields.length === 0) {
      plan.unchanged++;
    }
  }
}

function planResources(file: HeraldFile, current: CurrentState, plan: ApplyPlan): void {
  const existing = new Map(current.resources.map((r) => [`${r.view.kind}/${r.view.id}`, r]));
  for (const spec of parentsFirst(file.resources)) {
    const key = `${spec.kind}/${spec.id}`;
    const path = `/v1/resources/${encodeURIComponent(spec.kind)}/${encodeURIComponent(spec.id)}`;
    const found = existing.get(key);
    const body = {
      ...(spec.name !== undefined ? { name: spec.name } : {}),
      ...(spec.parent ? { parent: spec.parent } : {}),
      inheritNotifiers: spec.inheritNotifiers ?? true,
    };
    const fields = found
      ? changed({
          name: [spec.name ?? null, found.view.name],
          parent: [spec.parent ?? null, found.view.parent],
          inheritNotifiers: [spec.inheritNotifiers ?? true, found.view.inheritNotifiers],
        })
      : [];
    if (!found) plan.changes.push({ verb: '+', what: `resource ${key}`, method: 'PUT', path, body });
    else if (fields.length > 0)
      plan.changes.push({ verb: '~', what: `resource ${key}`, fields, method: 'PUT', path, body });
    else plan.unchanged++;

    const attached = new Map((found?.attachments ?? []).map((a) => [a.notifier, a.triggers]));
    for (const attachment of spec.notifiers ?? []) {
      const triggers = attached.get(attachment.notifier);
      if (triggers && sameSet(triggers, attachment.triggers)) continue;
      plan.changes.push({
        verb: triggers ? '~' : '+',
        what: `attachment ${attachment.notifier} to ${key} for ${attachment.triggers.join(', ')}`,
        method: 'POST',
        path: `${path}/notifiers`,
        body: attachment,
      });
    }
  }
}

function planUsers(file: HeraldFile, current: CurrentState, plan: ApplyPlan): void {
  const existing = new Map(current.users.map((u) => [u.id, u]));
  for (const spec of file.users) {
    const { id, ...body } = spec;
    const found = existing.get(id);
    const path = `/v1/users/${encodeURIComponent(id)}`;
    const fields = found
      ? changed({
          email: [spec.email ?? null, found.email],
          name: [spec.name ?? null, found.name],
          username: [spec.username ?? null, found.username],
          phone: [spec.phone ?? null, found.phone],
          addresses: [spec.addresses ?? {}, found.addresses],
          timezone: [spec.timezone ?? null, found.timezone],
        })
      : [];
    if (!found) plan.changes.push({ verb: '+', what: `user ${id}`, method: 'PUT', path, body });
    else if (fields.length > 0)
      plan.changes.push({ verb: '~', what: `user ${id}`, fields, method: 'PUT', path, body });
    else plan.unchanged++;
  }
}

/**
 * Removes what the file no longer names, but only in the sections the file has: a file without
 * `users:` leaves users alone. Resource nodes themselves stay (events create them on the fly);
 * what is pruned is their attachments.
 */
function planPrune(file: HeraldFile, current: CurrentState, present: Set<string>, plan: ApplyPlan): void {
  if (present.has('resources')) {
    const declared = new Map(file.resources.map((r) => [`${r.kind}/${r.id}`, r]));
    for (const { view, attachments } of current.resources) {
      const key = `${view.kind}/${view.id}`;
      const keep = new Set((declared.get(key)?.notifiers ?? []).map((a) => a.notifier));
      for (const attachment of attachments) {
        if (keep.has(attachment.notifier)) continue;
        plan.changes.push({
          verb: '-',
          what: `attachment ${attachment.notifier} to ${key}`,
          method: 'DELETE',
          path: `/v1/resources/${encodeURIComponent(view.kind)}/${encodeURIComponent(view.id)}/notifiers/${encodeURIComponent(attachment.notifier)}`,
        });
      }
    }
  }
  if (present.has('users')) {
    const declared = new Set(file.users.map((u) => u.id));
    for (const user of current.users) {
      if (!declared.has(user.id)) {
        plan.changes.push({
          verb: '-',
          what: `user ${user.id}`,
          method: 'DELETE',
          path: `/v1/users/${encodeURIComponent(user.id)}`,
        });
      }
    }
  }
  if (present.has('eventTypes')) {
    const declared = new Set(file.eventTypes.map((e) => e.name));
    for (const eventType of current.eventTypes) {
      if (!declared.has(eventType.name)) {
        plan.changes.push({
          verb: '-',
          what: `event type ${eventType.name}`,
          method: 'DELETE',
          path: `/v1/event-types/${encodeURIComponent(eventType.name)}`,
        });
      }
    }
  }
  if (present.has('notifiers')) {
    const declared = new Set(file.notifiers.map((n) => n.name));
    // A notifier named as another's fallback goes after the one naming it.
    const removals = order(
      current.notifiers,
      (n) => n.name,
      (n) => (n.fallback ? [n.fallback] : []),
    ).reverse();
    for (const notifier of removals) {
      if (!declared.has(notifier.name)) {
        plan.changes.push({
          verb: '-',
          what: `notifier ${notifier.name}`,
          method: 'DELETE',
          path: `/v1/notifiers/${encodeURIComponent(notifier.name)}`,
        });
      }
    }
  }
}

function changed(pairs: Record<string, [unknown, unknown]>): string[] {
  return Object.entries(pairs)
    .filter(([, [wanted, held]]) => !isDeepStrictEqual(wanted, held))
    .map(([field]) => field);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
}

/** A notifier's fallback must exist before the notifier that names it. */
function fallbacksFirst(notifiers: NotifierSpec[]): NotifierSpec[] {
  return order(
    notifiers,
    (n) => n.name,
    (n) => (n.fallback ? [n.fallback] : []),
  );
}

/** A resource's parent is put before the resource. */
function parentsFirst(resources: ResourceSpec[]): ResourceSpec[] {
  return order(
    resources,
    (r) => `${r.kind}/${r.id}`,
    (r) => (r.parent ? [`${r.parent.kind}/${r.parent.id}`] : []),
  );
}

function order<Item>(items: Item[], keyOf: (item: Item) => string, needs: (item: Item) => string[]): Item[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  const done = new Set<string>();
  const result: Item[] = [];
  const visit = (item: Item, path: Set<string>) => {
    const key = keyOf(item);
    if (done.has(key) || path.has(key)) return;
    path.add(key);
    for (const need of needs(item)) {
      const dependency = byKey.get(need);
      if (dependency) visit(dependency, path);
    }
    done.add(key);
    result.push(item);
  };
  for (const item of items) visit(item, new Set());
  return result;
}
