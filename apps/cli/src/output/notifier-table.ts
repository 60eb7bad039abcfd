import type { NotifierView } from '@herald/contracts';
import { renderTable, truncate } from './table.js';

/** `herald notifiers list`: configs are left to `--json` (secrets there are masked anyway). */
export function renderNotifiers(notifiers: NotifierView[]): string[] {
  if (notifiers.length === 0) return ['no notifiers'];
  return renderTable(
    [
      { header: 'NAME' },
      { header: 'TYPE' },
      { header: 'DEFAULT' },
      { header: 'FALLBACK' },
      { header: 'DESCRIPTION' },
    ],
    notifiers.map((notifier) => [
      notifier.name,
      notifier.type,
      notifier.default ? 'yes' : '',
      notifier.fallback ?? '',
      truncate(notifier.description ?? '', 60),
    ]),
  );
}
