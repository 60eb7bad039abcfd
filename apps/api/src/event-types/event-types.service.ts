import { Injectable } from '@nestjs/common';
import type { EventTypeView, ListResponse, PutEventTypeDto } from '@herald/contracts';
import { type EventTypeRecord, HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { toEventTypeView } from './event-type-view.mapper.js';
import { templateProblems } from './template-problems.js';

/** The defaults of the `event_types` columns, spelt out so a PUT replaces the whole definition. */
const DEFAULT_METHODS = ['email'];

@Injectable()
export class EventTypesService {
  constructor(private readonly data: HeraldData) {}

  async list(): Promise<ListResponse<EventTypeView>> {
    return { items: (await this.data.eventTypes.list()).map(toEventTypeView), nextCursor: null };
  }

  async get(name: string): Promise<EventTypeView> {
    return toEventTypeView(await this.find(name));
  }

  /** PUT semantics: fields left out take their defaults; the admin's methods are kept. */
  /** Preferences naming the type stay behind, harmless, and count again if it is registered anew. */
  async delete(name: string): Promise<void> {
    if (!(await this.data.eventTypes.delete(name))) throw ApiError.notFound(`No event type named "${name}"`);
  }

  async put(name: string, definition: PutEventTypeDto): Promise<EventTypeView> {
    const templates = definition.templates ?? {};
    // Refused here rather than at render time, where a broken template would fail every delivery.
    const problems = templateProblems(templates);
    if (problems.length > 0) throw ApiError.invalid(problems);
    const record = await this.data.eventTypes.define({
      name,
      templates,
      defaultMethods: definition.defaultMethods ?? DEFAULT_METHODS,
      enabledByDefault: definition.enabledByDefault ?? true,
      critical: definition.critical ?? false,
      group: definition.group ?? null,
      dedupeWindowSeconds: definition.dedupeWindowSeconds ?? null,
    });
    return toEventTypeView(record);
  }

  /** An admin's choice of channels for the type; null gives the choice back to its defaultMethods. */
  async setMethods(name: string, methods: string[] | null): Promise<EventTypeView> {
    if (!(await this.data.eventTypes.setAdminMethods(name, methods))) throw notFound(name);
    return this.get(name);
  }

  async find(name: string): Promise<EventTypeRecord> {
    const record = await this.data.eventTypes.find(name);
    if (!record) throw notFound(name);
    return record;
  }
}

function notFound(name: string): ApiError {
  return ApiError.notFound(`No event type named "${name}"`);
}
