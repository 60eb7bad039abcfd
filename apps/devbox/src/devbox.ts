import { MailCatcher } from './mail-catcher.js';
import { renderDevboxPage } from './page.js';
import { WebServer } from './web-server.js';

export interface DevboxOptions {
  host: string;
  /** 0 picks a free port (tests). */
  smtpPort: number;
  httpPort: number;
}

/** Both catchers, listening; the ports are the real ones when 0 was asked for. */
export interface RunningDevbox {
  mail: MailCatcher;
  web: WebServer;
  smtpPort: number;
  httpPort: number;
  close(): Promise<void>;
}

export async function startDevbox(options: DevboxOptions): Promise<RunningDevbox> {
  const mail = new MailCatcher();
  const smtpPort = await mail.listen(options.smtpPort, options.host);
  const web = new WebServer(mail.mails, renderDevboxPage(`${options.host}:${smtpPort}`));
  const httpPort = await web.listen(options.httpPort, options.host).catch(async (error: unknown) => {
    await mail.close();
    throw error;
  });
  return {
    mail,
    web,
    smtpPort,
    httpPort,
    close: async () => {
      await Promise.all([mail.close(), web.close()]);
    },
  };
}
