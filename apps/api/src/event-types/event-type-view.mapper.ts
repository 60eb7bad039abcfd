import type { EventTypeView } from '@herald/contracts';
import type { EventTypeRecord } from '@herald/data';

export function toEventTypeView(record: EventTypeRecord): EventTypeView {
  return {
    name: record.name,
    group: record.group,
    templates: record.templates,
    defaultMethods: record.defaultMethods,
    adminMethods: record.adminMethods,
    methods: record.adminMethods ?? record.defaultMethods,
    enabledByDefault: record.enabledByDefault,
    critical: record.critical,
    dedupeWindowSeconds: record.dedupeWindowSeconds ?? null,
  };
}
