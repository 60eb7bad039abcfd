import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';

export interface StoredEvent {
  roomId: string;
  txnId: string;
  eventId: string;
  content: Record<string, unknown>;
}

const SEND_PATH = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/([^/]+)\/([^/?]+)$/;

/**
 * A homeserver's `PUT /rooms/{roomId}/send/{eventType}/{txnId}` as the client-server API describes
 * it: bearer auth (`M_MISSING_TOKEN`, `M_UNKNOWN_TOKEN`), membership (`M_FORBIDDEN`), and
 * transaction idempotency: the same access token and transaction id give the first event back.
 * `failNext` scripts an answer (a 429, a 500) ahead of the normal behaviour; `stallNext` stores the
 * event but answers late, as when a response is lost after the homeserver committed.
 */
export class FakeHomeserver {
  readonly events: StoredEvent[] = [];
  private readonly catcher: HttpCatcher;
  private readonly transactions = new Map<string, string>();
  private readonly scripted: { roomId?: string; answer: ScriptedAnswer }[] = [];
  private stallMs = 0;

  constructor(
    private readonly token: string,
    private readonly joinedRooms: string[],
  ) {
    this.catcher = new HttpCatcher((request) => this.answer(request));
  }

  get requests(): CaughtRequest[] {
    return this.catcher.requests;
  }

  get url(): string {
    return this.catcher.url('');
  }

  async start(): Promise<void> {
    await this.catcher.start();
  }

  async stop(): Promise<void> {
    await this.catcher.stop();
  }

  /** Answers the next send (to `roomId` only, when given) with `answer` instead. */
  failNext(answer: ScriptedAnswer, roomId?: string): void {
    this.scripted.push({ roomId, answer });
  }

  stallNext(ms: number): void {
    this.stallMs = ms;
  }

  private answer(request: CaughtRequest): ScriptedAnswer {
    const match = SEND_PATH.exec(request.path);
    if (request.method !== 'PUT' || !match) return error(404, 'M_UNRECOGNIZED', 'Unrecognized request');
    const [roomId, , txnId] = match.slice(1).map(decodeURIComponent);
    const scripted = this.scripted.findIndex(
      (entry) => entry.roomId === undefined || entry.roomId === roomId,
    );
    if (scripted >= 0) return this.scripted.splice(scripted, 1)[0].answer;

    const authorization = request.headers.authorization;
    if (!authorization) return error(401, 'M_MISSING_TOKEN', 'Missing access token');
    if (authorization !== `Bearer ${this.token}`) {
      return json(401, {
        errcode: 'M_UNKNOWN_TOKEN',
        error: 'Invalid access token passed.',
        soft_logout: false,
      });
    }
    if (!this.joinedRooms.includes(roomId)) {
      return error(403, 'M_FORBIDDEN', `User @herald:example.org not in room ${roomId}`);
    }

    const key = `${this.token} ${request.path}`;
    let eventId = this.transactions.get(key);
    if (!eventId) {
      eventId = `$event${this.events.length + 1}:example.org`;
      this.transactions.set(key, eventId);
      this.events.push({
        roomId,
        txnId,
        eventId,
        content: JSON.parse(request.body) as Record<string, unknown>,
      });
    }
    const delayMs = this.stallMs;
    this.stallMs = 0;
    return json(200, { event_id: eventId }, delayMs);
  }
}

export function json(
  status: number,
  body: unknown,
  delayMs = 0,
  headers: Record<string, string> = {},
): ScriptedAnswer {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
    delayMs,
  };
}

function error(status: number, errcode: string, message: string): ScriptedAnswer {
  return json(status, { errcode, error: message });
}
