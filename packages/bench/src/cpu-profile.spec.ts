import { areaOf, summarizeCpuProfile, type CpuProfile } from './cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('areaOf', () => {
  it.each([
    ['(garbage collector)', '', '(garbage collector)'],
    ['writev', '', '(native)'],
    ['emit', 'node:events', 'node internals'],
    ['query', 'file:///r/node_modules/.pnpm/typeorm@1.1.1/node_modules/typeorm/driver/x.js', 'typeorm'],
    [
      'get',
      'file:///r/node_modules/.pnpm/@nestjs+core@12/node_modules/@nestjs/core/injector.js',
      '@nestjs/core',
    ],
    ['route', 'file:///r/apps/router/dist/routing/router.service.js', '@herald/router'],
    ['claim', 'file:///r/packages/worker-kit/dist/delivery-processor.js', '@herald/worker-kit'],
    ['main', 'file:///elsewhere/main.js', 'other'],
  ])('%s in %s is %s', (name, url, area) => {
    expect(areaOf(name, url)).toBe(area);
  });
});

describe('summarizeCpuProfile', () => {
  // 10 hits over 100 ms: 10 ms a hit; 4 of them idle.
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 100_000,
    nodes: [
      { id: 1, callFrame: frame('(root)'), hitCount: 0 },
      { id: 2, callFrame: frame('(idle)'), hitCount: 4 },
      { id: 3, callFrame: frame('query', 'file:///r/node_modules/typeorm/q.js', 9), hitCount: 3 },
      { id: 4, callFrame: frame('query', 'file:///r/node_modules/typeorm/q.js', 9), hitCount: 1 },
      { id: 5, callFrame: frame('', 'file:///r/apps/router/dist/a.js', 0), hitCount: 2 },
    ],
  };

  it('adds self time per function and per area, as shares of the busy time', () => {
    const summary = summarizeCpuProfile(profile, 'router', 'x.cpuprofile');
    expect(summary).toMatchObject({ app: 'router', totalMs: 100, busyMs: 60 });
    expect(summary.byArea).toEqual([
      { name: 'typeorm', ms: 40, share: 66.7 },
      { name: '@herald/router', ms: 20, share: 33.3 },
    ]);
    expect(summary.topFunctions).toEqual([
      { name: 'query typeorm/q.js:10', ms: 40, share: 66.7 },
      { name: '(anonymous) apps/router/dist/a.js:1', ms: 20, share: 33.3 },
    ]);
  });
});
