import net from 'node:net';
import { startDevbox, type RunningDevbox } from '../src/devbox.js';
import type { CaughtMessages } from '../src/web-server.js';

/** A plain SMTP client, line by line, as a mail worker with `security: none` talks. */
async function sendMail(port: number, lines: string[]): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply is complete at a line with a space after its code (`250 ok`, not `250-SIZE`).
    const complete = buffer.match(/^\d{3} .*\r\n/m);
    if (complete) {
      replies.push(buffer.trim());
      buffer = '';
      waiting?.();
    }
  });
  const reply = () => new Promise<void>((resolve) => (waiting = resolve));
  await reply();
  for (const line of lines) {
    const next = reply();
    socket.write(`${line}\r\n`);
    await next;
  }
  socket.end();
  return replies;
}

describe('devbox', () => {
  let devbox: RunningDevbox;
  const base = () => `http://127.0.0.1:${devbox.httpPort}`;
  const messages = async () => (await (await fetch(`${base()}/api/messages`)).json()) as CaughtMessages;

  beforeAll(async () => {
    devbox = await startDevbox({ host: '127.0.0.1', smtpPort: 0, httpPort: 0 });
  });
  afterAll(() => devbox?.close());

  it('keeps a mail sent over SMTP, with any AUTH, and lists it parsed', async () => {
    const replies = await sendMail(devbox.smtpPort, [
      'EHLO worker',
      `AUTH PLAIN ${Buffer.from('\0herald\0anything').toString('base64')}`,
      'MAIL FROM:<herald@example.com>',
      'RCPT TO:<demo@example.com>',
      'DATA',
      [
        'From: Herald <herald@example.com>',
        'To: demo@example.com',
        'Subject: Hello newcomer',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Hi <b>there</b></p>',
        '.',
      ].join('\r\n'),
      'QUIT',
    ]);

    expect(replies.slice(1).map((reply) => reply.slice(0, 3))).toEqual([
      '250',
      '235',
      '250',
      '250',
      '354',
      '250',
      '221',
    ]);
    const { mails } = await messages();
    expect(mails[0]).toMatchObject({
      envelope: { from: 'herald@example.com', to: ['demo@example.com'] },
      from: '"Herald" <herald@example.com>',
      to: 'demo@example.com',
      subject: 'Hello newcomer',
      text: 'Hi there',
    });
    expect(mails[0]!.html?.trim()).toBe('<p>Hi <b>there</b></p>');
  });

  it('records any call under /hooks/ with its headers and JSON body, newest first', async () => {
    for (const title of ['first', 'second']) {
      const answer = await fetch(`${base()}/hooks/demo?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-herald-signature': 'sha256=abc' },
        body: JSON.stringify({ title }),
      });
      expect(answer.status).toBe(200);
    }
    await fetch(`${base()}/hooks/raw`, { method: 'PUT', body: 'not json' });

    const { webhooks } = await messages();

    expect(webhooks.map((hook) => [hook.method, hook.path, hook.json])).toEqual([
      ['PUT', '/hooks/raw', null],
      ['POST', '/hooks/demo?x=1', { title: 'second' }],
      ['POST', '/hooks/demo?x=1', { title: 'first' }],
    ]);
    expect(webhooks[0]!.body).toBe('not json');
    expect(webhooks[1]!.headers['x-herald-signature']).toBe('sha256=abc');
  });

  it('serves the page at / and 404 elsewhere', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`SMTP 127.0.0.1:${devbox.smtpPort}`);
    expect(html).toContain("fetch('/api/messages')");

    expect((await fetch(`${base()}/nothing`)).status).toBe(404);
  });
});
