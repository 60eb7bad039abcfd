import { Injectable } from '@nestjs/common';
import {
  type AcceptedEventView,
  CreateEventDto,
  ErrorCode,
  type HookPingView,
  type HookProvider,
  isHookProvider,
} from '@herald/contracts';
import { type ApiKeyRecord, HeraldData, type HookSourceWithSecret } from '@herald/data';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiError } from '../errors/api-error.js';
import { validationExceptionFactory } from '../errors/validation-details.js';
import { EventsService } from '../events/events.service.js';
import { toEventBody } from './hook-event.js';
import { gitHubPing, type InboundHook, parseHookBody, readHook, verifyHook } from './inbound-hook.js';

export type HookOutcome =
  { kind: 'ping'; view: HookPingView } | { kind: 'accepted'; view: AcceptedEventView; replayed: boolean };

/**
 * Authenticates a provider's hook with the secret stored for its source, then submits it as an
 * event through the events service, exactly as `POST /v1/events` does (idempotency, commit, route job).
 */
@Injectable()
export class HooksService {
  constructor(
    private readonly data: HeraldData,
    private readonly events: EventsService,
  ) {}

  async receive(provider: string, hook: InboundHook): Promise<HookOutcome> {
    const source = await this.findSource(provider, hook.account);
    const verification = verifyHook(source.provider as HookProvider, source.secret, hook, Date.now());
    // Nothing of an unauthenticated body is parsed, let alone stored.
    if (!verification.verified) throw new ApiError(ErrorCode.Forbidden, verification.reason);
    const payload = parseHookBody(source.provider as HookProvider, hook);
    const ping = gitHubPing(source.provider as HookProvider, hook, payload);
    if (ping) return { kind: 'ping', view: { ok: true, zen: ping.zen } };

    const { event, idempotencyKey } = readHook(source.provider as HookProvider, hook, payload);
    const body = toEventBody(source.provider as HookProvider, source.account, event, payload);
    const dto = plainToInstance(CreateEventDto, body);
    const errors = validateSync(dto as object, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationExceptionFactory(errors);
    const { view, replayed } = await this.events.accept(dto, hookCaller(source), idempotencyKey);
    return { kind: 'accepted', view, replayed };
  }

  private async findSource(provider: string, account: string): Promise<HookSourceWithSecret> {
    const source = isHookProvider(provider)
      ? await this.data.hookSources.findWithSecret(provider, account)
      : null;
    if (!source)
      throw ApiError.notFound(
        `No hook source ${provider}/${account}; an admin creates it at /v1/admin/hook-sources`,
      );
    return source;
  }
}

/**
 * The hook source stands where an API key stands for `POST /v1/events`: idempotency keys belong to
 * it, so one source's delivery ids never collide with another's, nor with an API key's keys.
 */
function hookCaller(source: HookSourceWithSecret): ApiKeyRecord {
  return {
    id: source.id,
    name: `hook:${source.provider}/${source.account}`,
    scopes: [],
    expiresAt: null,
    rateLimitPerMinute: 0,
  };
}
