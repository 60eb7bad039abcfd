import { ApiError } from '../errors/api-error.js';
import { PHABRICATOR_PAYLOAD } from '../../test/hooks-fixtures.js';
import { mapPhabricatorEvent } from './phabricator.mapper.js';

describe('mapPhabricatorEvent', () => {
  it('names the event after the object type', () => {
    expect(mapPhabricatorEvent('phab', PHABRICATOR_PAYLOAD)).toEqual({
      type: 'phabricator.task',
      trigger: null,
      summary: '[phab] task PHID-TASK-abcd1234 changed (2 transactions)',
      link: null,
    });
    const revision = {
      ...PHABRICATOR_PAYLOAD,
      object: { type: 'DREV', phid: 'PHID-DREV-1' },
      transactions: [{}],
    };
    expect(mapPhabricatorEvent('phab', revision)).toMatchObject({
      type: 'phabricator.revision',
      summary: '[phab] revision PHID-DREV-1 changed (1 transaction)',
    });
    expect(mapPhabricatorEvent('phab', { object: { type: 'XYZW' } }).type).toBe('phabricator.xyzw');
  });

  it('marks test calls', () => {
    const test = { ...PHABRICATOR_PAYLOAD, action: { ...PHABRICATOR_PAYLOAD.action, test: true } };
    expect(mapPhabricatorEvent('phab', test).summary).toBe(
      '[phab] test call for task PHID-TASK-abcd1234 changed (2 transactions)',
    );
  });

  it('refuses a payload without object.type', () => {
    expect(() => mapPhabricatorEvent('phab', { object: {} })).toThrow(ApiError);
  });
});
