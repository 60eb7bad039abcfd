import type { DataSource, EntityManager } from 'typeorm';
import { type AttachmentView, DEPLOYMENT_RESOURCE, type ResourceView } from '@herald/contracts';
import { AttachmentEntity, ResourceEntity } from '../entities/index.js';
import { toResourceView } from './view-mappers.js';

export interface ResourceRef {
  kind: string;
  id: string;
}

export interface ResourceChanges {
  name?: string;
  parent?: ResourceRef;
  inheritNotifiers?: boolean;
}

/** A node of the walk from a source up to where inheritance stops, nearest first. */
export interface ResourceChainNode {
  resourceId: string;
  kind: string;
  id: string;
  inheritNotifiers: boolean;
}

export interface AttachmentRecord {
  resourceId: string;
  notifierId: string;
  triggers: string[];
}

/** An attachment that applies to a resource, attached to it or inherited from above. */
export interface EffectiveAttachment {
  notifier: string;
  triggers: string[];
  /** Where it is attached; null when attached to the resource itself. */
  inheritedFrom: ResourceRef | null;
  /** Present (true) when it comes from the deployment's defaults because nothing else applies. */
  viaDefaults?: true;
}

/** An attachment row with its notifier's name, as the effective-attachments fold reads it. */
export interface NamedAttachment {
  resourceId: string;
  notifier: string;
  triggers: string[];
}

export class ResourceCycleError extends Error {
  constructor(child: ResourceRef, parent: ResourceRef) {
    super(
      `${parent.kind}/${parent.id} is below ${child.kind}/${child.id}; a resource cannot be its own ancestor`,
    );
    this.name = 'ResourceCycleError';
  }
}

export class ResourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates or updates a node; a parent that does not exist yet is created bare. */
  async put(ref: ResourceRef, changes: ResourceChanges): Promise<ResourceView> {
    return this.dataSource.transaction(async (manager) => {
      const node = await this.ensure(manager, ref);
      let parent: ResourceEntity | null = null;
      if (changes.parent) {
        parent = await this.ensure(manager, changes.parent);
        if (await this.isAncestorOrSelf(manager, node.id, parent.id))
          throw new ResourceCycleError(ref, changes.parent);
        node.parentId = parent.id;
      } else if (node.parentId) {
        parent = await manager.findOneBy(ResourceEntity, { id: node.parentId });
      }
      if (changes.name !== undefined) node.name = changes.name;
      if (changes.inheritNotifiers !== undefined) node.inheritNotifiers = changes.inheritNotifiers;
      node.updatedAt = new Date();
      await manager.save(node);
      return toResourceView(node, parent);
    });
  }

  /** Every resource, by kind then id, keyset-paged after the last one of the previous page. */
  async list(after: ResourceRef | null, limit: number): Promise<ResourceView[]> {
    const rows: (ResourceEntity & { parent_kind: string | null; parent_external_id: string | null })[] =
      await this.dataSource.query(
        `SELECT r.kind, r.external_id AS "externalId", r.name, r.inherit_notifiers AS "inheritNotifiers",
                p.kind AS parent_kind, p.external_id AS parent_external_id
           FROM resources r LEFT JOIN resources p ON p.id = r.parent_id
          WHERE $1::text IS NULL OR (r.kind, r.external_id) > ($1, $2)
          ORDER BY r.kind, r.external_id
          LIMIT $3`,
        [after?.kind ?? null, after?.id ?? null, limit],
      );
    return rows.map((row) => ({
      kind: row.kind,
      id: row.externalId,
      name: row.name,
      parent: row.parent_kind ? { kind: row.parent_kind, id: row.parent_external_id! } : null,
      inheritNotifiers: row.inheritNotifiers,
    }));
  }

  async find(ref: ResourceRef): Promise<ResourceView | null> {
    const node = await this.dataSource.manager.findOneBy(ResourceEntity, {
      kind: ref.kind,
      externalId: ref.id,
    });
    if (!node) return null;
    const parent = node.parentId
      ? await this.dataSource.manager.findOneBy(ResourceEntity, { id: node.parentId })
      : null;
    return toResourceView(node, parent);
  }

  /**
   * Makes sure the source and the ancestors an event names exist and are linked as the event says
   * (the caller owns its object tree). Returns the source's row id.
   */
  async ensureChain(source: ResourceRef, ancestors: ResourceRef[] = []): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const chain = [source, ...ancestors];
      const rows: ResourceEntity[] = [];
      for (const ref of chain) rows.push(await this.ensure(manager, ref));
      for (let i = 0; i + 1 < rows.length; i++) {
        const [child, parent] = [rows[i]!, rows[i + 1]!];
        if (child.parentId !== parent.id && !(await this.isAncestorOrSelf(manager, child.id, parent.id))) {
          await manager.update(
            ResourceEntity,
            { id: child.id },
            { parentId: parent.id, updatedAt: new Date() },
          );
        }
      }
      return rows[0]!.id;
    });
  }

  /** The walk from a resource up its parents, ending at the first node with inheritNotifiers=false. */
  async chainOf(ref: ResourceRef): Promise<ResourceChainNode[]> {
    const rows: { id: string; kind: string; external_id: string; inherit_notifiers: boolean }[] =
      await this.dataSource.query(
        `WITH RECURSIVE chain AS (
           SELECT id, kind, external_id, parent_id, inherit_notifiers, 0 AS depth
             FROM resources WHERE kind = $1 AND external_id = $2
           UNION ALL
           SELECT r.id, r.kind, r.external_id, r.parent_id, r.inherit_notifiers, chain.depth + 1
             FROM resources r JOIN chain ON r.id = chain.parent_id
            WHERE chain.inherit_notifiers AND chain.depth < 64)
         SELECT id, kind, external_id, inherit_notifiers FROM chain ORDER BY depth`,
        [ref.kind, ref.id],
      );
    return rows.map((row) => ({
      resourceId: row.id,
      kind: row.kind,
      id: row.external_id,
      inheritNotifiers: row.inherit_notifiers,
    }));
  }

  async attach(ref: ResourceRef, notifierId: string, triggers: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const node = await this.ensure(manager, ref);
      await manager
        .createQueryBuilder()
        .insert()
        .into(AttachmentEntity)
        .values({ resourceId: node.id, notifierId, triggers })
        .orUpdate(['triggers'], ['resource_id', 'notifier_id'])
        .execute();
    });
  }

  async attachmentsOf(resourceIds: string[]): Promise<AttachmentRecord[]> {
    if (resourceIds.length === 0) return [];
    return this.dataSource
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.resource_id IN (:...ids)', { ids: resourceIds })
      .orderBy('a.created_at', 'ASC')
      .getMany();
  }

  async attachmentViews(ref: ResourceRef): Promise<AttachmentView[]> {
    return this.dataSource.query(
      `SELECT n.name AS notifier, a.triggers
         FROM attachments a
         JOIN resources r ON r.id = a.resource_id
         JOIN notifiers n ON n.id = a.notifier_id
        WHERE r.kind = $1 AND r.external_id = $2
        ORDER BY a.created_at`,
      [ref.kind, ref.id],
    );
  }

  /**
   * Deletes the node and its attachments. Its children are kept and become roots (the schema's
   * `ON DELETE SET NULL`): they may have attachments of their own, and the next event naming their
   * ancestors links them up again. Re-parenting them silently would invent a tree nobody described.
   */
  async delete(ref: ResourceRef): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ResourceEntity)
      .delete({ kind: ref.kind, externalId: ref.id });
    return (result.affected ?? 0) > 0;
  }

  /** False when the resource does not exist or the notifier is not attached to it. */
  async detach(ref: ResourceRef, notifierId: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(AttachmentEntity)
      .where('resource_id = (SELECT id FROM resources WHERE kind = :kind AND external_id = :id)', ref)
      .andWhere('notifier_id = :notifierId', { notifierId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The notifiers that apply to a resource, whatever the event (DESIGN.md, Routing, step 1): the
   * attachments up its chain, nearest first, one per notifier; the deployment's defaults only when
   * the chain has none at all. The router does the same per event, keeping only triggers that match.
   */
  async effectiveAttachments(ref: ResourceRef): Promise<EffectiveAttachment[]> {
    const chain = await this.chainOf(ref);
    const own = effectiveAttachmentsOf(chain, await this.namedAttachments(chain), false);
    if (own.length > 0) return own;
    const deployment = await this.chainOf(DEPLOYMENT_RESOURCE);
    // The deployment asking about itself has already been answered above.
    if (deployment[0] && deployment[0].resourceId === chain[0]?.resourceId) return own;
    return effectiveAttachmentsOf(deployment, await this.namedAttachments(deployment), true);
  }

  private async namedAttachments(chain: ResourceChainNode[]): Promise<NamedAttachment[]> {
    if (chain.length === 0) return [];
    const rows: { resource_id: string; notifier: string; triggers: string[] }[] = await this.dataSource.query(
      `SELECT a.resource_id, n.name AS notifier, a.triggers
         FROM attachments a JOIN notifiers n ON n.id = a.notifier_id
        WHERE a.resource_id = ANY($1::uuid[])
        ORDER BY a.created_at, n.name`,
      [chain.map((node) => node.resourceId)],
    );
    return rows.map((row) => ({
      resourceId: row.resource_id,
      notifier: row.notifier,
      triggers: row.triggers,
    }));
  }

  private async ensure(manager: EntityManager, ref: ResourceRef): Promise<ResourceEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ResourceEntity)
      .values({ kind: ref.kind, externalId: ref.id })
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(ResourceEntity, { kind: ref.kind, externalId: ref.id });
  }

  private async isAncestorOrSelf(
    manager: EntityManager,
    nodeId: string,
    candidateId: string,
  ): Promise<boolean> {
    // Walks up from the candidate: if it reaches the node, linking node -> candidate makes a cycle.
    const rows: unknown[] = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM resources WHERE id = $2
         UNION ALL
         SELECT r.id, r.parent_id, up.depth + 1 FROM resources r JOIN up ON r.id = up.parent_id WHERE up.depth < 64)
       SELECT 1 FROM up WHERE id = $1 LIMIT 1`,
      [nodeId, candidateId],
    );
    return rows.length > 0;
  }
}

/**
 * Folds a chain's attachments (chain nearest first) into one entry per notifier, the nearest
 * attachment winning. The first node is the resource asked about: its own attachments are not
 * inherited, unless they are the deployment's defaults standing in for a resource without any.
 */
export function effectiveAttachmentsOf(
  chain: readonly ResourceChainNode[],
  attachments: readonly NamedAttachment[],
  viaDefaults: boolean,
): EffectiveAttachment[] {
  const depth = new Map(chain.map((node, index) => [node.resourceId, index]));
  const nearestFirst = attachments
    .filter((attachment) => depth.has(attachment.resourceId))
    .map((attachment, order) => ({ attachment, order, depth: depth.get(attachment.resourceId)! }))
    .sort((a, b) => a.depth - b.depth || a.order - b.order);
  const seen = new Set<string>();
  const effective: EffectiveAttachment[] = [];
  for (const { attachment, depth: level } of nearestFirst) {
    if (seen.has(attachment.notifier)) continue;
    seen.add(attachment.notifier);
    const node = chain[level]!;
    const inheritedFrom = level === 0 && !viaDefaults ? null : { kind: node.kind, id: node.id };
    effective.push({
      notifier: attachment.notifier,
      triggers: attachment.triggers,
      inheritedFrom,
      ...(viaDefaults ? { viaDefaults: true as const } : {}),
    });
  }
  return effective;
}
