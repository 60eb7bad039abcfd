import { parseOptions, planPhases, UsageError } from './options.js';

describe('parseOptions', () => {
  it('has defaults that run the issue’s offered loads and an unthrottled phase', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({
      n: 3000,
      rates: [100, 500, 1000],
      max: true,
      channel: 'webhook',
      baseline: true,
    });
    expect(planPhases(options).map((phase) => [phase.name, phase.rate, phase.count, phase.measured])).toEqual(
      [
        ['warmup', 250, 500, false],
        ['100/s', 100, 3000, true],
        ['500/s', 500, 3000, true],
        ['1000/s', 1000, 3000, true],
        ['max', null, 3000, true],
      ],
    );
  });

  it('reads values after the flag or after "="', () => {
    const options = parseOptions([
      '--n',
      '200',
      '--rates=50,200',
      '--concurrency=8',
      '--no-max',
      '--warmup',
      '0',
    ]);
    expect(planPhases(options)).toEqual([
      { name: '50/s', rate: 50, count: 200, measured: true },
      { name: '200/s', rate: 200, count: 200, measured: true },
    ]);
    expect(options.concurrency).toBe(8);
  });

  it('sizes fixed-rate phases by --duration, and keeps --n for the unthrottled one', () => {
    const phases = planPhases(
      parseOptions(['--duration', '10', '--rates', '100,1000', '--n', '700', '--warmup', '0']),
    );
    expect(phases.map((phase) => phase.count)).toEqual([1000, 10_000, 700]);
  });

  it('plans a soak as one phase at --rate for --soak seconds', () => {
    const options = parseOptions(['--soak', '600', '--rate', '500', '--warmup', '0']);
    expect(planPhases(options)).toEqual([{ name: 'soak@500/s', rate: 500, count: 300_000, measured: true }]);
  });

  it('collects repeated --env pairs, keeping "=" inside values', () => {
    const options = parseOptions([
      '--env',
      'HERALD_CONCURRENCY=50',
      '--env',
      'NODE_OPTIONS=--max-old-space-size=200',
    ]);
    expect(options.env).toEqual({ HERALD_CONCURRENCY: '50', NODE_OPTIONS: '--max-old-space-size=200' });
  });

  it.each([
    [['--n', '0'], '--n 0: expected a positive number'],
    [['--n', '1.5'], '--n 1.5: expected a whole number'],
    [['--rates', '100,fast'], '--rates fast: expected a positive number'],
    [['--channel', 'email'], '--channel email: only webhook is benchmarked'],
    [['--concurrency'], '--concurrency needs a value'],
    [['--env', 'NOVALUE'], '--env NOVALUE: expected KEY=VALUE'],
    [['--fast'], 'unknown option --fast'],
    [['--rates', '', '--no-max'], 'nothing to measure: give --rates or drop --no-max'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(new UsageError(message));
  });
});
