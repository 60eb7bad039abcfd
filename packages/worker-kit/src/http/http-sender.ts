import { Agent, request, type Dispatcher } from 'undici';
import { DeliveryError } from '../delivery-error.js';
import { classifyTransportError, type HttpResponse } from './http-outcome.js';

export interface HttpSenderOptions {
  /** How long to wait for the TCP (and TLS) connection, in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept for the next delivery, in ms. Default 10 000. */
  keepAliveTimeoutMs?: number;
  /** How much of a response body is read (error pages, provider JSON); the rest is dropped. Default 64 KiB. */
  maxBodyBytes?: number;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
  /** Connect without checking the server's certificate (self-signed on-premise servers). */
  tlsSkipVerify?: boolean;
}

/**
 * The HTTP client of every HTTP channel: undici over keep-alive connections shared by all
 * notifiers. Resolves with any answer, whatever its status (the channel's classifier judges it),
 * and rejects only with a DeliveryError: a dispatch timeout when the signal aborts, otherwise the
 * transport error classified.
 */
export class HttpSender {
  private readonly agent: Agent;
  private insecureAgent: Agent | undefined;

  constructor(private readonly options: HttpSenderOptions = {}) {
    this.agent = this.createAgent(true);
  }

  async request(input: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    if (signal.aborted) throw dispatchTimeout(signal.reason);
    try {
      const answer = await request(input.url, {
        method: input.method ?? 'POST',
        headers: input.headers,
        body: input.body,
        signal,
        dispatcher: input.tlsSkipVerify ? this.insecure() : this.agent,
      });
      return {
        status: answer.statusCode,
        headers: answer.headers,
        body: await readUpTo(answer.body, this.options.maxBodyBytes ?? 64 * 1024),
      };
    } catch (error) {
      // undici rejects with the signal's reason, which says nothing about a dispatch timeout.
      if (signal.aborted) throw dispatchTimeout(error);
      throw classifyTransportError(error);
    }
  }

  /** `request` with a JSON body and `Content-Type: application/json`. */
  async postJson(
    url: string,
    payload: unknown,
    signal: AbortSignal,
    extra: Omit<HttpRequest, 'url' | 'body'> = {},
  ): Promise<HttpResponse> {
    return this.request(
      {
        ...extra,
        url,
        headers: { 'content-type': 'application/json', ...extra.headers },
        body: JSON.stringify(payload),
      },
      signal,
    );
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await Promise.all([this.agent.close(), this.insecureAgent?.close()]);
  }

  // A separate agent, so a connection opened without certificate checks is never handed to a
  // notifier that asked for them.
  private insecure(): Agent {
    this.insecureAgent ??= this.createAgent(false);
    return this.insecureAgent;
  }

  private createAgent(rejectUnauthorized: boolean): Agent {
    return new Agent({
      keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 10_000,
      connect: { timeout: this.options.connectTimeoutMs ?? 10_000, rejectUnauthorized },
    });
  }
}

/** Reads the body up to `limit` bytes and drops the rest, so the connection is released. */
async function readUpTo(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= limit) break;
    }
  } catch {
    // A body cut short still explains the status with what arrived of it.
  } finally {
    if (size >= limit) body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function dispatchTimeout(cause: unknown): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the request was aborted before the receiver answered', {
    providerCode: 'UND_ERR_ABORTED',
    cause,
  });
}
