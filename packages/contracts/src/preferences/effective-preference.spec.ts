import { effectivePreference, type PreferenceChoice, type PreferenceRules } from './effective-preference.js';

const plain: PreferenceRules = {
  enabledByDefault: true,
  critical: false,
  adminMethods: null,
  defaultMethods: ['email', 'webhook'],
};
const optOutAll: PreferenceChoice = { channel: null, enabled: false };
const optInAll: PreferenceChoice = { channel: null, enabled: true };

describe('effectivePreference', () => {
  it('is on by default for a method of an enabled-by-default type', () => {
    expect(effectivePreference(plain, 'email', [])).toEqual({
      enabled: true,
      reason: 'default_on',
      method: true,
    });
  });

  it('honours an opt-out for every channel and for one channel', () => {
    expect(effectivePreference(plain, 'email', [optOutAll])).toEqual({
      enabled: false,
      reason: 'opted_out',
      method: true,
    });
    const emailOff = [{ channel: 'email', enabled: false }];
    expect(effectivePreference(plain, 'email', emailOff).reason).toBe('opted_out');
    expect(effectivePreference(plain, 'webhook', emailOff).reason).toBe('default_on');
  });

  it('lets a channel-specific choice beat the all-channels one, both ways', () => {
    expect(effectivePreference(plain, 'email', [optOutAll, { channel: 'email', enabled: true }])).toEqual({
      enabled: true,
      reason: 'opted_in',
      method: true,
    });
    // Order of the stored rows must not matter.
    expect(effectivePreference(plain, 'email', [{ channel: 'email', enabled: false }, optInAll])).toEqual({
      enabled: false,
      reason: 'opted_out',
      method: true,
    });
  });

  it('ignores opt-outs of a critical type', () => {
    const critical = { ...plain, critical: true };
    expect(effectivePreference(critical, 'email', [optOutAll, { channel: 'email', enabled: false }])).toEqual(
      {
        enabled: true,
        reason: 'critical',
        method: true,
      },
    );
    // Critical means "must be heard", so it wins over disabled-by-default too.
    expect(effectivePreference({ ...critical, enabledByDefault: false }, 'email', []).enabled).toBe(true);
  });

  it('ignores opt-outs of methods the admin forced', () => {
    const forced = { ...plain, adminMethods: ['webhook'] };
    expect(
      effectivePreference(forced, 'webhook', [optOutAll, { channel: 'webhook', enabled: false }]),
    ).toEqual({
      enabled: true,
      reason: 'admin_forced',
      method: true,
    });
  });

  it('uses the admin methods instead of the default ones', () => {
    const forced = { ...plain, adminMethods: ['webhook'] };
    expect(effectivePreference(forced, 'email', [{ channel: 'email', enabled: true }])).toEqual({
      enabled: false,
      reason: 'admin_forced',
      method: false,
    });
  });

  it('says a channel outside the default methods is off', () => {
    expect(effectivePreference({ ...plain, defaultMethods: ['email'] }, 'webhook', [])).toEqual({
      enabled: false,
      reason: 'disabled_by_default',
      method: false,
    });
  });

  describe('a type that is not enabled by default', () => {
    const optIn: PreferenceRules = { ...plain, enabledByDefault: false };

    it('is off without an opt-in', () => {
      expect(effectivePreference(optIn, 'email', [])).toEqual({
        enabled: false,
        reason: 'disabled_by_default',
        method: true,
      });
      expect(effectivePreference(optIn, 'email', [optOutAll]).reason).toBe('disabled_by_default');
    });

    it('is on with an opt-in for every channel or for that channel', () => {
      expect(effectivePreference(optIn, 'email', [optInAll])).toEqual({
        enabled: true,
        reason: 'opted_in',
        method: true,
      });
      const emailOnly = [{ channel: 'email', enabled: true }];
      expect(effectivePreference(optIn, 'email', emailOnly).enabled).toBe(true);
      expect(effectivePreference(optIn, 'webhook', emailOnly).enabled).toBe(false);
    });

    it('lets a channel-specific opt-out beat an all-channels opt-in', () => {
      expect(effectivePreference(optIn, 'email', [optInAll, { channel: 'email', enabled: false }])).toEqual({
        enabled: false,
        reason: 'disabled_by_default',
        method: true,
      });
    });

    it('still needs an opt-in when the admin forced the methods, but ignores opt-outs then', () => {
      const forced = { ...optIn, adminMethods: ['email'] };
      expect(effectivePreference(forced, 'email', []).enabled).toBe(false);
      expect(effectivePreference(forced, 'email', [optInAll, { channel: 'email', enabled: false }])).toEqual({
        enabled: true,
        reason: 'opted_in',
        method: true,
      });
    });
  });
});
