import { effectivePreference, type PreferenceChoice, type PreferenceItemView } from '@herald/contracts';
import type { EventTypeRecord } from '@herald/data';

/** One event type as the user experiences it: each of its methods with the rule that decides it. */
export function toPreferenceItem(
  eventType: EventTypeRecord,
  prefs: readonly PreferenceChoice[],
): PreferenceItemView {
  const methods = eventType.adminMethods ?? eventType.defaultMethods;
  const channels: PreferenceItemView['channels'] = {};
  for (const channel of methods) {
    const { enabled, reason } = effectivePreference(eventType, channel, prefs);
    channels[channel] = { enabled, reason };
  }
  return {
    eventType: eventType.name,
    group: eventType.group,
    critical: eventType.critical,
    enabledByDefault: eventType.enabledByDefault,
    channels,
  };
}
