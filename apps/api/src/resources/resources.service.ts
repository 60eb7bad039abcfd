import { Injectable } from '@nestjs/common';
import type {
  AttachNotifierDto,
  AttachmentView,
  ListResponse,
  PutResourceDto,
  ResourceRefDto,
  ResourceView,
} from '@herald/contracts';
import { type EffectiveAttachment, HeraldData } from '@herald/data';
import { ApiError } from '../errors/api-error.js';
import { decodePageCursor, encodePageCursor, type PageQuery } from '../paging/page.query.js';

@Injectable()
export class ResourcesService {
  constructor(private readonly data: HeraldData) {}

  /** Creates or updates the node; a parent that does not exist yet is created bare. */
  put(ref: ResourceRefDto, resource: PutResourceDto): Promise<ResourceView> {
    return this.data.resources.put(
      { kind: ref.kind, id: ref.id },
      {
        name: resource.name,
        parent: resource.parent ? { kind: resource.parent.kind, id: resource.parent.id } : undefined,
        inheritNotifiers: resource.inheritNotifiers,
      },
    );
  }

  async list(page: PageQuery): Promise<ListResponse<ResourceView>> {
    const limit = page.limit ?? 50;
    const after = decodePageCursor(page.cursor, isResourceRef);
    const items = await this.data.resources.list(after, limit + 1);
    const shown = items.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: shown,
      nextCursor: items.length > limit && last ? encodePageCursor({ kind: last.kind, id: last.id }) : null,
    };
  }

  async get(ref: ResourceRefDto): Promise<ResourceView> {
    const resource = await this.data.resources.find(ref);
    if (!resource) throw notFound(ref);
    return resource;
  }

  /** Its attachments go with it; its children stay, as roots (see ResourceRepository.delete). */
  async delete(ref: ResourceRefDto): Promise<void> {
    if (!(await this.data.resources.delete(ref))) throw notFound(ref);
  }

  /** Attaching to a resource that does not exist yet creates it, as events naming it would. */
  async attach(ref: ResourceRefDto, attachment: AttachNotifierDto): Promise<AttachmentView> {
    const notifier = await this.data.notifiers.findByName(attachment.notifier);
    if (!notifier) throw ApiError.notFound(`No notifier named "${attachment.notifier}"`);
    await this.data.resources.attach(ref, notifier.id, attachment.triggers);
    return { notifier: notifier.name, triggers: attachment.triggers };
  }

  async attachments(ref: ResourceRefDto): Promise<ListResponse<AttachmentView>> {
    await this.get(ref);
    return { items: await this.data.resources.attachmentViews(ref), nextCursor: null };
  }

  /** What applies here whatever the event, each with where it is attached (`inheritedFrom`). */
  async effective(ref: ResourceRefDto): Promise<ListResponse<EffectiveAttachment>> {
    await this.get(ref);
    return { items: await this.data.resources.effectiveAttachments(ref), nextCursor: null };
  }

  async detach(ref: ResourceRefDto, notifierName: string): Promise<void> {
    const notifier = await this.data.notifiers.findByName(notifierName);
    if (!notifier || !(await this.data.resources.detach(ref, notifier.id))) {
      throw ApiError.notFound(`Notifier "${notifierName}" is not attached to ${ref.kind}/${ref.id}`);
    }
  }
}

function notFound(ref: ResourceRefDto): ApiError {
  return ApiError.notFound(`No resource ${ref.kind}/${ref.id}`);
}

function isResourceRef(value: unknown): value is { kind: string; id: string } {
  const ref = value as { kind?: unknown; id?: unknown } | null;
  return typeof ref?.kind === 'string' && typeof ref.id === 'string';
}
