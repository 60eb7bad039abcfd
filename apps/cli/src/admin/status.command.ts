import { defineCommand } from '../command.js';
import { renderStatus } from '../output/status-table.js';

export const statusCommand = defineCommand({
  summary: 'the pause switches and every queue: waiting, active, delayed, failed',
  usage: `usage: herald status`,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_input, { api, io, json }) {
    const status = await api().herald.status();
    io.print(json ? JSON.stringify(status, null, 2) : renderStatus(status).join('\n'));
    return 0;
  },
});
