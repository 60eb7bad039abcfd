import { toPreferenceItem } from './preference-item.mapper.js';

const eventType = {
  name: 'job.failed',
  templates: {},
  defaultMethods: ['email', 'webhook'],
  adminMethods: null,
  enabledByDefault: true,
  critical: false,
  group: 'jobs',
};

describe('toPreferenceItem', () => {
  it('shows each method of the type with its effective state', () => {
    expect(toPreferenceItem(eventType, [{ channel: 'webhook', enabled: false }])).toEqual({
      eventType: 'job.failed',
      group: 'jobs',
      critical: false,
      enabledByDefault: true,
      channels: {
        email: { enabled: true, reason: 'default_on' },
        webhook: { enabled: false, reason: 'opted_out' },
      },
    });
  });

  it('shows only the admin methods once an admin chose them', () => {
    expect(toPreferenceItem({ ...eventType, adminMethods: ['webhook'] }, []).channels).toEqual({
      webhook: { enabled: true, reason: 'admin_forced' },
    });
  });
});
