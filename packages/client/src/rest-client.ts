import { HeraldApiError, unreachable } from './herald-api-error.js';

export interface RestClientOptions {
  /** Base URL of the API, e.g. http://localhost:3000 */
  url: string;
  apiKey: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** A 2xx answer: its parsed body and its headers. */
export interface RestAnswer<Result> {
  body: Result;
  headers: Headers;
}

/**
 * A thin, typed wrapper over fetch: bearer auth, JSON in and out, errors as HeraldApiError (a
 * request that got no answer is a 503 `service_unavailable`). It never retries: see createHeraldClient.
 */
export class HeraldRestClient {
  private readonly base: string;

  constructor(private readonly options: RestClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  get<Result>(path: string): Promise<Result> {
    return this.request<Result>('GET', path);
  }

  /** Like get, but a 404 is null instead of an error. */
  async find<Result>(path: string): Promise<Result | null> {
    try {
      return await this.get<Result>(path);
    } catch (error) {
      if (error instanceof HeraldApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Every item of a cursor-paged list. */
  async all<Item>(path: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: { items: Item[]; nextCursor: string | null } = await this.get(
        cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async request<Result>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Result> {
    return (await this.exchange<Result>(method, path, body, headers)).body;
  }

  /** Like request, with the answer's headers too (`Idempotent-Replayed`, say). */
  async exchange<Result>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RestAnswer<Result>> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw unreachable(this.base, error);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : null;
    if (!response.ok) {
      const envelope = (parsed as { error?: { code?: string; message?: string; details?: unknown[] } } | null)
        ?.error;
      throw new HeraldApiError(
        response.status,
        envelope?.code ?? 'http_error',
        envelope?.message ?? (text.slice(0, 200) || response.statusText),
        envelope?.details ?? [],
      );
    }
    return { body: parsed as Result, headers: response.headers };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
