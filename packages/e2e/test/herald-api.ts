import {
  type ListResponse,
  NotificationStatus,
  type NotificationSummaryView,
  type NotificationView,
} from '@herald/contracts';
import { eventually, mapWithConcurrency } from '@herald/testing';

export const ADMIN_KEY = 'e2e-admin-key-0123456789';

// Below this many, `completed()` asks for each unfinished notification rather than trust the list alone.
const STRAGGLERS = 20;

export interface ApiResponse<Body> {
  status: number;
  body: Body;
  headers: Headers;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A request never waits longer than this (an outage must not hang a suite). */
  timeoutMs?: number;
}

export type EventBody = Record<string, unknown>;

/** What a test does through Herald's public REST API, with an admin key, and how it waits for results. */
export abstract class HeraldApi {
  abstract get url(): string;

  /** What the apps printed, for failure messages. */
  abstract logs(): string;

  async request<Body = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        'content-type': 'application/json',
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's or a framework's page): keep the text, the assertion will show it.
      parsed = text;
    }
    return { status: response.status, body: parsed as Body, headers: response.headers };
  }

  /**
   * A webhook notifier `name` posting to `url`, attached for every trigger to resource
   * `project/<name>`; returns the `source` that routes an event to it.
   */
  async addWebhook(
    name: string,
    url: string,
    config: Record<string, unknown> = {},
  ): Promise<{ kind: string; id: string }> {
    const created = await this.request('POST', '/v1/notifiers', {
      name,
      type: 'webhook',
      config: { url, ...config },
    });
    if (created.status !== 201)
      throw new Error(`notifier ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    const attached = await this.request('POST', `/v1/resources/project/${name}/notifiers`, {
      notifier: name,
      triggers: ['any'],
    });
    if (attached.status !== 201)
      throw new Error(`attach ${name}: ${attached.status} ${JSON.stringify(attached.body)}`);
    return { kind: 'project', id: name };
  }

  /** Posts `count` events, `concurrency` at a time; the answers come back in order, whatever they are. */
  postEvents(
    count: number,
    event: (index: number) => EventBody,
    concurrency = 10,
  ): Promise<ApiResponse<{ id: string; status: string }>[]> {
    return mapWithConcurrency(
      Array.from({ length: count }, (_, index) => index),
      concurrency,
      (index) => this.request<{ id: string; status: string }>('POST', '/v1/events', event(index)),
    );
  }

  async notification(id: string): Promise<NotificationView> {
    const response = await this.request<NotificationView>('GET', `/v1/notifications/${id}`);
    if (response.status !== 200) throw new Error(`GET notification ${id}: ${response.status}`);
    return response.body;
  }

  /**
   * Waits until every one of `ids` is `completed` (each delivery final), then returns them in full.
   * On the deadline it says how far they got and what the apps printed.
   */
  async completed(ids: string[], timeoutMs = 30_000): Promise<NotificationView[]> {
    const wanted = new Set(ids);
    let done = new Set<string>();
    try {
      await eventually(
        async () => {
          done = await this.completedAmong(wanted, done).catch(() => done);
          return done.size === wanted.size ? true : undefined;
        },
        timeoutMs,
        `${wanted.size} notification(s) to complete`,
        250,
      );
    } catch (error) {
      const waiting = ids.filter((id) => !done.has(id));
      const sample = await Promise.all(
        waiting.slice(0, 3).map((id) => this.notification(id).catch((e: Error) => e.message)),
      );
      throw new Error(
        `${(error as Error).message}: ${done.size} completed, ${waiting.length} not; for example\n` +
          `${JSON.stringify(sample, null, 1)}\n${this.logs()}`,
        { cause: error },
      );
    }
    return mapWithConcurrency(ids, 10, (id) => this.notification(id));
  }

  /**
   * Waits until every one of `ids` passes `ready` (asking for each one not yet ready), then returns
   * them all in full. On the deadline it says which states they were stuck in.
   */
  async until(
    ids: string[],
    ready: (view: NotificationView) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<NotificationView[]> {
    const views = new Map<string, NotificationView>();
    const isReady = (id: string) => {
      const view = views.get(id);
      return view !== undefined && ready(view);
    };
    try {
      await eventually(
        async () => {
          const pending = ids.filter((id) => !isReady(id));
          for (const view of await mapWithConcurrency(pending, 10, (id) => this.notification(id))) {
            views.set(view.id, view);
          }
          return ids.every(isReady) ? true : undefined;
        },
        timeoutMs,
        what,
        250,
      );
    } catch (error) {
      const states = new Map<string, number>();
      for (const view of views.values()) {
        const state = `${view.status}/${view.deliveries.map((d) => d.status).join(',') || 'no deliveries'}`;
        states.set(state, (states.get(state) ?? 0) + 1);
      }
      throw new Error(
        `${(error as Error).message}: ${JSON.stringify(Object.fromEntries(states))}\n${this.logs()}`,
        {
          cause: error,
        },
      );
    }
    return ids.map((id) => views.get(id)!);
  }

  /**
   * Pages through the completed notifications (a couple of requests however many are waited for),
   * then asks for the last few stragglers one by one, so a page boundary never hides one.
   */
  private async completedAmong(wanted: Set<string>, known: Set<string>): Promise<Set<string>> {
    const found = new Set(known);
    let cursor: string | null = null;
    do {
      const query: string = `/v1/notifications?status=completed&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await this.request<ListResponse<NotificationSummaryView>>('GET', query);
      if (page.status !== 200) throw new Error(`list: ${page.status}`);
      for (const item of page.body.items) if (wanted.has(item.id)) found.add(item.id);
      cursor = page.body.nextCursor;
    } while (cursor);
    const missing = [...wanted].filter((id) => !found.has(id));
    if (missing.length <= STRAGGLERS) {
      const views = await mapWithConcurrency(missing, 5, (id) => this.notification(id));
      for (const view of views) if (view.status === NotificationStatus.Completed) found.add(view.id);
    }
    return found;
  }
}
