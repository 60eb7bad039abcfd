import { ApiError } from '../errors/api-error.js';
import type { HookEvent } from './hook-event.js';
import { field, list, type Payload, text } from './payload-fields.js';

// PHID types as Phabricator names them, in the words of its applications.
const OBJECT_TYPES: Record<string, string> = {
  TASK: 'task',
  DREV: 'revision',
  CMIT: 'commit',
  REPO: 'repository',
  WIKI: 'wiki',
  PSTE: 'paste',
  PROJ: 'project',
  USER: 'user',
  MOCK: 'mock',
  QUES: 'question',
  HMBB: 'buildable',
  HMBD: 'build',
};

/**
 * A Phabricator (or Phorge) webhook: `{object: {type, phid}, triggers, action, transactions}`. It
 * carries pointers only (no titles), so the summary names the object by its PHID.
 */
export function mapPhabricatorEvent(account: string, payload: Payload): HookEvent {
  const phidType = text(payload, 'object', 'type');
  if (!phidType) throw ApiError.invalid([{ field: 'object.type', messages: ['object.type is required'] }]);
  const kind = OBJECT_TYPES[phidType.toUpperCase()] ?? phidType.toLowerCase();
  const phid = text(payload, 'object', 'phid');
  const changes = list(payload, 'transactions').length;
  const test = field(payload, 'action', 'test') === true;
  return {
    type: `phabricator.${kind}`,
    trigger: null,
    summary:
      `[${account}] ${test ? 'test call for ' : ''}${kind}${phid ? ` ${phid}` : ''} changed` +
      (changes > 0 ? ` (${changes} transaction${changes === 1 ? '' : 's'})` : ''),
    link: null,
  };
}
