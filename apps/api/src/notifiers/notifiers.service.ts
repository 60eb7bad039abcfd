import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type AcceptedEventView,
  type CreateNotifierDto,
  isChannelName,
  type ListResponse,
  type NotifierView,
  type UpdateNotifierDto,
  validateChannelConfig,
} from '@herald/contracts';
import { type ApiKeyRecord, HeraldData, type NotifierRecord } from '@herald/data';
import { ApiError, type FieldProblem } from '../errors/api-error.js';
import { EventsService } from '../events/events.service.js';
import {
  maskedSecretProblems,
  mergeConfig,
  mergeMessages,
  toNotifierMessages,
} from './notifier-changes.mapper.js';
import { toNotifierView } from './notifier-view.mapper.js';
import { toTestNotification } from './test-notification.mapper.js';

/** Secrets are encrypted by @herald/data on the way in; every answer masks them as `$encrypted$`. */
@Injectable()
export class NotifiersService {
  constructor(
    private readonly data: HeraldData,
    private readonly events: EventsService,
  ) {}

  async create(notifier: CreateNotifierDto): Promise<NotifierView> {
    // The DTO already limits `type` to registered channels; this narrows it for the registry lookup.
    if (!isChannelName(notifier.type)) {
      throw ApiError.invalid([{ field: 'type', messages: [`unknown channel "${notifier.type}"`] }]);
    }
    const problems = [
      ...maskedSecretProblems(notifier.type, notifier.config),
      ...validateChannelConfig(notifier.type, notifier.config),
      ...(await this.fallbackProblems(notifier.name, notifier.fallback)),
    ];
    if (problems.length > 0) throw ApiError.invalid(problems);
    const created = await this.data.notifiers.create({
      name: notifier.name,
      type: notifier.type,
      description: notifier.description ?? null,
      isDefault: notifier.default ?? false,
      fallback: notifier.fallback ?? null,
      config: notifier.config,
      messages: toNotifierMessages(notifier.messages),
      maxAttempts: notifier.maxAttempts ?? null,
    });
    return toNotifierView(created);
  }

  async list(): Promise<ListResponse<NotifierView>> {
    // Notifiers are few: one page until a deployment proves otherwise.
    return { items: (await this.data.notifiers.list()).map(toNotifierView), nextCursor: null };
  }

  async get(name: string): Promise<NotifierView> {
    return toNotifierView(await this.find(name));
  }

  /** A partial update; the config that results is validated whole, as a create's would be. */
  async update(name: string, changes: UpdateNotifierDto): Promise<NotifierView> {
    const stored = await this.find(name);
    const problems: FieldProblem[] = [...identityProblems(stored, changes)];
    let config: Record<string, unknown> | undefined;
    if (changes.config !== undefined) {
      if (!isChannelName(stored.type)) {
        problems.push({ field: 'config', messages: [`channel "${stored.type}" is unknown to this version`] });
      } else {
        const merged = mergeConfig(stored.type, stored.config, changes.config);
        problems.push(...merged.problems, ...validateChannelConfig(stored.type, merged.config));
        config = merged.config;
      }
    }
    problems.push(...(await this.fallbackProblems(name, changes.fallback)));
    if (problems.length > 0) throw ApiError.invalid(problems);

    const updated = await this.data.notifiers.update(name, {
      description: changes.description,
      isDefault: changes.default,
      fallback: changes.fallback,
      config,
      messages: changes.messages === undefined ? undefined : mergeMessages(stored.messages, changes.messages),
      maxAttempts: changes.maxAttempts,
    });
    if (!updated) throw notFound(name);
    return toNotifierView(updated);
  }

  async delete(name: string): Promise<void> {
    if (!(await this.data.notifiers.delete(name))) throw notFound(name);
  }

  /** Sends a test message through the notifier, as a notification like any other (so it can be followed). */
  async sendTest(name: string, caller: ApiKeyRecord): Promise<AcceptedEventView> {
    const notifier = await this.find(name);
    return this.events.submit(toTestNotification(notifier, { id: randomUUID(), apiKeyId: caller.id }));
  }

  private async find(name: string): Promise<NotifierRecord> {
    const notifier = await this.data.notifiers.findByName(name);
    if (!notifier) throw notFound(name);
    return notifier;
  }

  private async fallbackProblems(name: string, fallback: string | null | undefined): Promise<FieldProblem[]> {
    if (fallback === undefined || fallback === null) return [];
    if (fallback === name)
      return [{ field: 'fallback', messages: ['a notifier cannot fall back to itself'] }];
    if (await this.data.notifiers.findByName(fallback)) return [];
    return [{ field: 'fallback', messages: [`no notifier named "${fallback}" exists`] }];
  }
}

/** Name and type are what deliveries, attachments and configs hang on: they never change. */
function identityProblems(stored: NotifierRecord, changes: UpdateNotifierDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (changes.name !== undefined && changes.name !== stored.name) {
    problems.push({
      field: 'name',
      messages: ['name cannot change: create a notifier with the new name, then delete this one'],
    });
  }
  if (changes.type !== undefined && changes.type !== stored.type) {
    problems.push({
      field: 'type',
      messages: ['type cannot change: create a notifier of the new type, then delete this one'],
    });
  }
  return problems;
}

function notFound(name: string): ApiError {
  return ApiError.notFound(`No notifier named "${name}"`);
}
