import { Injectable } from '@nestjs/common';
import {
  AddressKind,
  CHANNEL_REGISTRY,
  ChannelName,
  DEPLOYMENT_RESOURCE,
  effectivePreference,
  isChannelName,
  type PreferenceRules,
  SkipReason,
} from '@herald/contracts';
import { type EventTypeRecord, HeraldData, type NotificationRecord, type NotifierRecord } from '@herald/data';
import type { Target } from './target.js';
import { matchesTrigger } from './trigger-match.js';

/** Decides who hears about a notification, and through what (DESIGN.md, Routing). */
@Injectable()
export class TargetResolver {
  constructor(private readonly data: HeraldData) {}

  async resolve(notification: NotificationRecord, eventType: EventTypeRecord | null): Promise<Target[]> {
    if (notification.notifierId) return this.singleNotifier(notification.notifierId);
    const notifierTargets = await this.notifierTargets(notification);
    const userTargets = await this.userTargets(notification, eventType);
    return [...notifierTargets, ...userTargets].map((target) =>
      this.applyChannelFilter(target, notification.channels),
    );
  }

  /** A notification aimed at one notifier (a notifier test) goes there and nowhere else. */
  private async singleNotifier(notifierId: string): Promise<Target[]> {
    const notifier = await this.data.notifiers.findById(notifierId);
    return notifier && isChannelName(notifier.type) ? [notifierTarget(notifier)] : [];
  }

  /** Attachments up the resource chain, deduplicated by notifier; the deployment's when none match. */
  private async notifierTargets(notification: NotificationRecord): Promise<Target[]> {
    const { source, trigger, type } = notification;
    let ids: string[] = [];
    if (source) {
      await this.data.resources.ensureChain(source, source.ancestors ?? []);
      ids = await this.matchingNotifierIds(source, trigger, type);
    }
    if (ids.length === 0) ids = await this.matchingNotifierIds(DEPLOYMENT_RESOURCE, trigger, type);
    const notifiers = await this.data.notifiers.findByIds(ids);
    const byId = new Map(notifiers.map((notifier) => [notifier.id, notifier]));
    return ids.flatMap((id) => {
      const notifier = byId.get(id);
      return notifier && isChannelName(notifier.type) ? [notifierTarget(notifier)] : [];
    });
  }

  private async matchingNotifierIds(
    ref: { kind: string; id: string },
    trigger: string | null,
    type: string,
  ): Promise<string[]> {
    const chain = await this.data.resources.chainOf(ref);
    const attachments = await this.data.resources.attachmentsOf(chain.map((node) => node.resourceId));
    const depth = new Map(chain.map((node, index) => [node.resourceId, index]));
    const ids = attachments
      .filter((attachment) => matchesTrigger(attachment.triggers, trigger, type))
      .sort((a, b) => depth.get(a.resourceId)! - depth.get(b.resourceId)!)
      .map((attachment) => attachment.notifierId);
    return [...new Set(ids)];
  }

  /**
   * Explicit recipients: each method of the event type (the admin's, else its defaults) through
   * that channel's default notifier, unless the user's preferences turn it off.
   */
  private async userTargets(
    notification: NotificationRecord,
    eventType: EventTypeRecord | null,
  ): Promise<Target[]> {
    if (notification.recipients.length === 0) return [];
    const rules: PreferenceRules = eventType ?? UNREGISTERED_TYPE;
    const userIds = notification.recipients.flatMap((r) => (r.userId ? [r.userId] : []));
    const [defaultNotifiers, users, preferences] = await Promise.all([
      this.data.notifiers.findDefaults(),
      this.data.users.findMany(userIds),
      this.data.preferences.forUsers(userIds, notification.type),
    ]);
    const defaults = new Map(defaultNotifiers.map((n) => [n.type, n]));
    const byId = new Map(users.map((user) => [user.id, user]));
    const methods = (rules.adminMethods ?? rules.defaultMethods).filter(isChannelName);
    const targets: Target[] = [];
    for (const recipient of notification.recipients) {
      if (!recipient.userId) {
        targets.push(viaDefault(defaults, ChannelName.Email, null, recipient.email ?? null));
        continue;
      }
      const user = byId.get(recipient.userId);
      if (!user) {
        const channel = methods[0] ?? ChannelName.Email;
        targets.push({
          channel,
          notifier: null,
          userId: recipient.userId,
          address: null,
          skip: SkipReason.UnknownUser,
        });
        continue;
      }
      for (const channel of methods) {
        const preference = effectivePreference(rules, channel, preferences.get(user.id) ?? []);
        const notifier = defaults.get(channel) ?? null;
        const address = addressFor(channel, user, notifier);
        targets.push(
          preference.enabled
            ? viaDefault(defaults, channel, user.id, address)
            : { channel, notifier, userId: user.id, address, skip: PREFERENCE_SKIPS[preference.reason] },
        );
      }
    }
    return dedupe(targets);
  }

  /**
   * Where a failover goes: to the same user through the fallback notifier (the user's address for
   * its channel), or, for a notifier target, to the fallback's own destination.
   */
  async fallbackTarget(fallback: NotifierRecord, userId: string | null): Promise<Target> {
    if (!userId) return notifierTarget(fallback);
    const channel = fallback.type as ChannelName;
    const [user] = await this.data.users.findMany([userId]);
    if (!user) return { channel, notifier: fallback, userId, address: null, skip: SkipReason.UnknownUser };
    return viaDefault(new Map([[channel, fallback]]), channel, userId, addressFor(channel, user, fallback));
  }

  private applyChannelFilter(target: Target, channels: string[] | null): Target {
    if (target.skip || !channels || channels.includes(target.channel)) return target;
    return { ...target, skip: SkipReason.ChannelDisabled };
  }
}

/** An event of a type nobody registered: on by default, by email. */
const UNREGISTERED_TYPE: PreferenceRules = {
  enabledByDefault: true,
  critical: false,
  adminMethods: null,
  defaultMethods: [ChannelName.Email],
};

const PREFERENCE_SKIPS: Record<string, SkipReason> = {
  opted_out: SkipReason.OptedOut,
  disabled_by_default: SkipReason.DisabledByDefault,
  admin_forced: SkipReason.ChannelDisabled,
};

function notifierTarget(notifier: NotifierRecord): Target {
  const channel = notifier.type as ChannelName;
  const address = notifierAddress(channel, notifier.config);
  const skip = notifierHasDestination(channel, notifier.config) ? null : SkipReason.NoAddress;
  return { channel, notifier, userId: null, address, skip };
}

/** Where a notifier sends when it is itself the target (its `to` list, its URL), per its channel. */
function notifierAddress(channel: ChannelName, config: Record<string, unknown>): string | null {
  return CHANNEL_REGISTRY[channel].notifierAddress?.(config) ?? null;
}

/** Whether a notifier target has somewhere to send: a channel may need its config to name it. */
function notifierHasDestination(channel: ChannelName, config: Record<string, unknown>): boolean {
  const definition = CHANNEL_REGISTRY[channel];
  return !definition.notifierAddress || definition.notifierAddress(config) !== null;
}

/** A user's address for the channel, by the kind of address the channel sends to. */
function addressFor(
  channel: ChannelName,
  user: { id: string; email: string | null; phone: string | null; addresses: Record<string, string> },
  notifier: NotifierRecord | null,
): string | null {
  switch (CHANNEL_REGISTRY[channel].addressKind) {
    case AddressKind.Email:
      return user.email ?? user.addresses[channel] ?? null;
    case AddressKind.Phone:
      return user.phone ?? user.addresses[channel] ?? null;
    case AddressKind.User:
      return user.id;
    case AddressKind.Notifier:
      return notifier ? notifierAddress(channel, notifier.config) : null;
    case AddressKind.Handle:
      return user.addresses[channel] ?? null;
  }
}

function viaDefault(
  defaults: Map<string, NotifierRecord>,
  channel: ChannelName,
  userId: string | null,
  address: string | null,
): Target {
  const notifier = defaults.get(channel) ?? null;
  const reachable =
    CHANNEL_REGISTRY[channel].addressKind === AddressKind.Notifier
      ? notifier !== null && notifierHasDestination(channel, notifier.config)
      : address !== null;
  const skip = !notifier ? SkipReason.ChannelDisabled : !reachable ? SkipReason.NoAddress : null;
  return { channel, notifier, userId, address, skip };
}

/** The same message to the same place once, even when two recipients resolve to it. */
function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    if (target.skip || !target.address) return true;
    const key = `${target.channel}\u0000${target.address.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
