import { Logger } from '@nestjs/common';
import { createLogger } from './create-logger.js';
import { withLogContext } from './log-context.js';
import { LogFormat, type LogSettings } from './log-settings.js';
import { PinoNestLogger } from './pino-nest-logger.js';

function capture(settings: Partial<LogSettings> = {}) {
  const lines: string[] = [];
  const logger = new PinoNestLogger(
    createLogger({
      app: 'test-app',
      settings: { format: LogFormat.Json, level: 'info', ...settings },
      destination: { write: (line: string) => void lines.push(line) },
    }),
  );
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('PinoNestLogger', () => {
  afterEach(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it("turns a Nest Logger's call into one JSON line with its context", () => {
    const { logger, entries } = capture();
    Logger.overrideLogger(logger);
    new Logger('Router').log('routed 3 deliveries');
    expect(entries()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        app: 'test-app',
        pid: process.pid,
        context: 'Router',
        msg: 'routed 3 deliveries',
      },
    ]);
  });

  it('maps levels, and drops those below the configured one', () => {
    const { logger, entries } = capture({ level: 'warn' });
    logger.log('hidden', 'X');
    logger.debug('hidden', 'X');
    logger.warn('careful', 'X');
    logger.error('broken', undefined, 'X');
    logger.fatal('down', 'X');
    expect(entries().map((entry) => [entry.level, entry.msg])).toEqual([
      ['warn', 'careful'],
      ['error', 'broken'],
      ['fatal', 'down'],
    ]);
  });

  it("keeps an error's stack and takes an Error as the message", () => {
    const { logger, entries } = capture();
    logger.error('boot failed', 'Error: boot failed\n    at main (/app/main.js:1:2)', 'Api');
    logger.error(new Error('exploded'), 'Worker');
    const [first, second] = entries();
    expect(first).toMatchObject({
      context: 'Api',
      msg: 'boot failed',
      stack: expect.stringContaining('at main'),
    });
    expect(second).toMatchObject({
      context: 'Worker',
      msg: 'exploded',
      err: { type: 'Error', message: 'exploded' },
    });
  });

  it('reads a lone string after an error message as a stack only when it looks like one', () => {
    const { logger, entries } = capture();
    logger.error('one', 'Error: x\n    at f (/a.js:1:1)');
    logger.error('two', 'Bootstrap');
    expect(entries()[0]).toMatchObject({ msg: 'one', stack: expect.stringContaining('at f') });
    expect(entries()[0]).not.toHaveProperty('context');
    expect(entries()[1]).toMatchObject({ msg: 'two', context: 'Bootstrap' });
  });

  it('takes fields from an object message and from object parameters', () => {
    const { logger, entries } = capture();
    logger.log({ msg: 'delivery sent', deliveryId: 'd-1' }, { attempt: 2 }, 'Worker');
    expect(entries()[0]).toMatchObject({
      msg: 'delivery sent',
      deliveryId: 'd-1',
      attempt: 2,
      context: 'Worker',
    });
  });

  it('adds the correlation ids of the log context to every line inside it', async () => {
    const { logger, entries } = capture();
    Logger.overrideLogger(logger);
    const deep = new Logger('Deep');
    await withLogContext({ notificationId: 'n-1' }, async () => {
      await Promise.resolve();
      await withLogContext({ deliveryId: 'd-1' }, async () =>
        deep.warn({ msg: 'attempt failed', attempt: 1 }),
      );
      deep.log('routed');
    });
    deep.log('outside');
    // A line's own fields stay on that line.
    expect(
      entries().map(({ msg, notificationId, deliveryId, attempt }) => ({
        msg,
        notificationId,
        deliveryId,
        attempt,
      })),
    ).toEqual([
      { msg: 'attempt failed', notificationId: 'n-1', deliveryId: 'd-1', attempt: 1 },
      { msg: 'routed', notificationId: 'n-1', deliveryId: undefined, attempt: undefined },
      { msg: 'outside', notificationId: undefined, deliveryId: undefined, attempt: undefined },
    ]);
  });

  it('never writes secret fields', () => {
    const { logger, lines, entries } = capture();
    logger.warn(
      {
        msg: 'notifier test',
        headers: { authorization: 'Bearer hk_live_abc', 'x-app-secret': 'app-secret-1', accept: 'json' },
        config: {
          url: 'amqp://u:pw-in-url@mq',
          webhookUrl: 'https://hooks.slack.com/T/B/tok',
          secret: 's3',
          channel: '#ops',
        },
        notifier: { config: { password: 'smtp-pass', host: 'smtp.example.com' } },
        token: 'raw-token',
        key: 'hk_123',
      },
      'Notifiers',
    );
    const text = lines.join('');
    for (const secret of [
      'hk_live_abc',
      'app-secret-1',
      'pw-in-url',
      '/tok',
      's3"',
      'smtp-pass',
      'raw-token',
      'hk_123',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(entries()[0]).toMatchObject({
      headers: { authorization: '[redacted]', 'x-app-secret': '[redacted]', accept: 'json' },
      config: { url: '[redacted]', secret: '[redacted]', channel: '#ops' },
      notifier: { config: { password: '[redacted]', host: 'smtp.example.com' } },
      token: '[redacted]',
      key: '[redacted]',
    });
  });

  it('writes one readable line per entry in the pretty format', () => {
    const { logger, lines } = capture({ format: LogFormat.Pretty });
    withLogContext({ notificationId: 'n-9' }, () => logger.warn('attempt failed', 'Worker'));
    expect(lines).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}\[Worker\] attempt failed notificationId=n-9\n$/),
    ]);
  });
});
