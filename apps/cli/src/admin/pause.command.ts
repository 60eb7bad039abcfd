import { defineCommand } from '../command.js';
import { describeSwitch } from '../output/status-table.js';

const CHANNEL_OPTION = { channel: { type: 'string' } } as const;

export const pauseCommand = defineCommand({
  summary: 'hold every channel (or one): events are still accepted and routed, deliveries wait',
  usage: `usage: herald pause [--channel <channel>]

      --channel <channel>   hold only this channel (email, webhook, ...)`,
  options: CHANNEL_OPTION,
  positionals: { min: 0, max: 0 },
  async run({ values }, { api, io, json }) {
    const status = await api().herald.pause(values.channel);
    io.print(json ? JSON.stringify(status, null, 2) : describeSwitch('paused', values.channel, status));
    return 0;
  },
});

export const resumeCommand = defineCommand({
  summary: 'release every channel (or one): the waiting deliveries go out',
  usage: `usage: herald resume [--channel <channel>]

      --channel <channel>   release only this channel's own switch (the global one still holds it)`,
  options: CHANNEL_OPTION,
  positionals: { min: 0, max: 0 },
  async run({ values }, { api, io, json }) {
    const status = await api().herald.resume(values.channel);
    io.print(json ? JSON.stringify(status, null, 2) : describeSwitch('resumed', values.channel, status));
    return 0;
  },
});
