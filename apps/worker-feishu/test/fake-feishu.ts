import { createHmac } from 'node:crypto';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';

export interface PostedMessage {
  /** `hook` for a custom bot, else the receive_id_type. */
  via: string;
  receiveId: string;
  messageId: string;
  uuid?: string;
  body: Record<string, unknown>;
}

export interface FakeFeishuOptions {
  hookToken: string;
  hookSecret?: string;
  appId: string;
  appSecret: string;
  /** Chats the app's bot is in, and users in its availability. */
  reachable: string[];
}

const MESSAGES = '/open-apis/im/v1/messages';
const URGENT = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/urgent_(app|sms|phone)$/;

/**
 * open.feishu.cn as its docs describe it: a custom bot hook that checks the signature (19021),
 * the tenant_access_token endpoint (10014 for a wrong secret), message creation that checks the
 * bearer token (99991663), membership (230002) and de-duplicates on `uuid`, and the urgent
 * endpoints. `failNext` answers the next request to a path (and recipient) with a scripted answer;
 * `stallNextMessage` stores a message but answers it late.
 */
export class FakeFeishu {
  readonly messages: PostedMessage[] = [];
  readonly urgent: { kind: string; messageId: string; userIdType: string; userIds: string[] }[] = [];
  readonly issuedTokens: string[] = [];
  private readonly catcher = new HttpCatcher((request) => this.answer(request));
  private readonly validTokens = new Set<string>();
  private readonly byUuid = new Map<string, string>();
  private readonly scripted: { path: string; answer: ScriptedAnswer; receiveId?: string }[] = [];
  private stallMs = 0;

  constructor(private readonly options: FakeFeishuOptions) {}

  get requests(): CaughtRequest[] {
    return this.catcher.requests;
  }

  get apiUrl(): string {
    return this.catcher.url('');
  }

  get hookUrl(): string {
    return this.catcher.url(`/open-apis/bot/v2/hook/${this.options.hookToken}`);
  }

  async start(): Promise<void> {
    await this.catcher.start();
  }

  async stop(): Promise<void> {
    await this.catcher.stop();
  }

  /** Answers the next request to `path` (for `receiveId` only, when given) with `answer` instead. */
  failNext(path: string, answer: ScriptedAnswer, receiveId?: string): void {
    this.scripted.push({ path, answer, receiveId });
  }

  /** The next message is stored but answered `ms` late, as when an answer is lost after the commit. */
  stallNextMessage(ms: number): void {
    this.stallMs = ms;
  }

  /** As when the app's secret is reset: every token issued so far stops working. */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  requestsTo(path: string): CaughtRequest[] {
    return this.requests.filter((request) => new URL(request.path, 'http://x').pathname === path);
  }

  private answer(request: CaughtRequest): ScriptedAnswer {
    const url = new URL(request.path, 'http://x');
    const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
    const scripted = this.scripted.findIndex(
      (entry) =>
        entry.path === url.pathname && (entry.receiveId === undefined || entry.receiveId === body.receive_id),
    );
    if (scripted >= 0) return this.scripted.splice(scripted, 1)[0].answer;

    if (url.pathname === `/open-apis/bot/v2/hook/${this.options.hookToken}`) return this.hook(body);
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') return this.token(body);
    if (!this.validTokens.has(request.headers.authorization?.replace(/^Bearer /, '') ?? '')) {
      return json(400, {
        code: 99991663,
        msg: 'Invalid access token for authorization. Please make a request with token attached.',
      });
    }
    if (url.pathname === MESSAGES && request.method === 'POST') {
      return this.createMessage(url.searchParams.get('receive_id_type') ?? '', body);
    }
    const urgent = URGENT.exec(url.pathname);
    if (urgent && request.method === 'PATCH') {
      const [, messageId, kind] = urgent;
      const userIds = body.user_id_list as string[];
      this.urgent.push({ kind, messageId, userIdType: url.searchParams.get('user_id_type') ?? '', userIds });
      return json(200, { code: 0, msg: 'success', data: { invalid_user_id_list: [] } });
    }
    return json(404, { code: 404, msg: '404 page not found' });
  }

  private hook(body: Record<string, unknown>): ScriptedAnswer {
    const { hookSecret } = this.options;
    if (hookSecret) {
      const timestamp = String(body.timestamp ?? '');
      const expected = createHmac('sha256', `${timestamp}\n${hookSecret}`).digest('base64');
      const age = Math.abs(Date.now() / 1000 - Number(timestamp));
      if (body.sign !== expected || !(age < 3600)) {
        return json(200, {
          code: 19021,
          data: {},
          msg: 'sign match fail or timestamp is not within one hour from current time',
        });
      }
    }
    if (body.msg_type !== 'interactive' || typeof body.card !== 'object') {
      return json(400, { code: 9499, data: {}, msg: 'Bad Request' });
    }
    this.messages.push({ via: 'hook', receiveId: 'group', messageId: '', body });
    return json(200, { code: 0, data: {}, msg: 'success' });
  }

  private token(body: Record<string, unknown>): ScriptedAnswer {
    if (body.app_id !== this.options.appId || body.app_secret !== this.options.appSecret) {
      return json(200, { code: 10014, msg: 'app secret invalid' });
    }
    const token = `t-g1044${this.issuedTokens.length + 1}`;
    this.issuedTokens.push(token);
    this.validTokens.add(token);
    return json(200, { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
  }

  private createMessage(type: string, body: Record<string, unknown>): ScriptedAnswer {
    const receiveId = String(body.receive_id);
    if (!this.options.reachable.includes(receiveId)) {
      return json(400, { code: 230002, msg: 'Bot/User can NOT be out of the chat.' });
    }
    const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
    let messageId = uuid ? this.byUuid.get(uuid) : undefined;
    if (!messageId) {
      messageId = `om_${this.messages.length + 1}`;
      if (uuid) this.byUuid.set(uuid, messageId);
      this.messages.push({ via: type, receiveId, messageId, uuid, body });
    }
    const delayMs = this.stallMs;
    this.stallMs = 0;
    return json(
      200,
      { code: 0, msg: 'success', data: { message_id: messageId, msg_type: body.msg_type } },
      {},
      delayMs,
    );
  }
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  delayMs = 0,
): ScriptedAnswer {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    delayMs,
  };
}
