import type { PauseFlags } from '@herald/contracts';
import { isChannelHeld, PauseSwitch, type PauseStore, UnknownChannelError } from './pause-switch.js';

describe('isChannelHeld', () => {
  it('holds a channel when either the global switch or its own one is on', () => {
    expect(isChannelHeld({ paused: false, channels: [] }, 'email')).toBe(false);
    expect(isChannelHeld({ paused: true, channels: [] }, 'email')).toBe(true);
    expect(isChannelHeld({ paused: false, channels: ['email'] }, 'email')).toBe(true);
    expect(isChannelHeld({ paused: false, channels: ['email'] }, 'webhook')).toBe(false);
  });
});

describe('PauseSwitch', () => {
  it('refuses a channel it has no queue for before storing anything', async () => {
    const writes: [string | null, boolean][] = [];
    const store: PauseStore = {
      readPauseFlags: async (): Promise<PauseFlags> => ({ paused: false, channels: [] }),
      writePauseFlag: async (channel, paused) => void writes.push([channel, paused]),
    };
    const pauseSwitch = new PauseSwitch(new Map(), store);

    await expect(pauseSwitch.pauseChannel('sms')).rejects.toThrow(UnknownChannelError);
    await expect(pauseSwitch.resumeChannel('sms')).rejects.toThrow('no deliver queue for channel "sms"');
    expect(writes).toEqual([]);
  });
});
