import { format } from 'prettier';
import { formatJson } from './json-format.js';

describe('formatJson', () => {
  const value = {
    machine: { cpus: 2, loadAverageStart: [7.47, 18.26, 22.18], ratio: Number.NaN },
    options: { rates: [100, 500, 1000], env: {}, out: undefined, names: ['a', 'b'] },
    phases: [
      { name: '100/s', rejected: {}, processes: [] },
      { name: 'max', latency: { p50: 1.5 } },
    ],
    long: Array.from({ length: 40 }, (_, index) => index * 1000),
    words: Array.from({ length: 20 }, (_, index) => `word-number-${index}`),
    text: 'with "quotes" and\nnewline',
  };

  it('parses back to the same data (NaN as null, undefined left out)', () => {
    expect(JSON.parse(formatJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('is what Prettier would print', async () => {
    const text = formatJson(value);
    expect(await format(text, { parser: 'json', printWidth: 110 })).toBe(text);
  });
});
