/** The parts of an event type that decide whether a user hears about it. */
export interface PreferenceRules {
  enabledByDefault: boolean;
  critical: boolean;
  adminMethods: readonly string[] | null;
  defaultMethods: readonly string[];
}

/** A user's stored choice for one event type: one channel, or every channel when `channel` is null. */
export interface PreferenceChoice {
  channel: string | null;
  enabled: boolean;
}

export type PreferenceReason =
  'critical' | 'admin_forced' | 'opted_in' | 'opted_out' | 'default_on' | 'disabled_by_default';

export interface EffectivePreference {
  /** Whether a message of this type reaches the user on this channel. */
  enabled: boolean;
  /** The rule that decided. */
  reason: PreferenceReason;
  /** Whether the channel is one of the type's methods (admin methods if set, else default methods). */
  method: boolean;
}

/**
 * Does a user get an event type on a channel? DESIGN.md, Routing, step 2, in this order:
 *
 * 1. A channel that is not one of the type's methods is off: `admin_forced` when an admin chose the
 *    methods, else `disabled_by_default`.
 * 2. A critical type is on for every method, whatever the user chose (`critical`).
 * 3. The user's choice that applies is the channel-specific one, else the all-channels one. When an
 *    admin set the methods, opt-outs do not count ("a method the admin forced"), so the nearest opt-in does.
 * 4. A type that is not enabledByDefault is on only with an opt-in (`opted_in`), else off
 *    (`disabled_by_default`). Forcing methods chooses channels, not who is subscribed.
 * 5. Otherwise an opt-out turns it off (`opted_out`); it is on because the admin forced it
 *    (`admin_forced`), the user opted in (`opted_in`) or by default (`default_on`).
 *
 * Pure: the router applies the same function per recipient, and the preferences API shows its answer.
 */
export function effectivePreference(
  eventType: PreferenceRules,
  channel: string,
  prefs: readonly PreferenceChoice[],
): EffectivePreference {
  const adminForced = eventType.adminMethods !== null;
  const method = (eventType.adminMethods ?? eventType.defaultMethods).includes(channel);
  if (!method)
    return { enabled: false, reason: adminForced ? 'admin_forced' : 'disabled_by_default', method };
  if (eventType.critical) return { enabled: true, reason: 'critical', method };

  const counted = adminForced ? prefs.filter((pref) => pref.enabled) : prefs;
  const choice =
    counted.find((pref) => pref.channel === channel) ?? counted.find((pref) => pref.channel === null);

  if (!eventType.enabledByDefault) {
    return choice?.enabled
      ? { enabled: true, reason: 'opted_in', method }
      : { enabled: false, reason: 'disabled_by_default', method };
  }
  if (choice?.enabled === false) return { enabled: false, reason: 'opted_out', method };
  if (adminForced) return { enabled: true, reason: 'admin_forced', method };
  return { enabled: true, reason: choice?.enabled ? 'opted_in' : 'default_on', method };
}
