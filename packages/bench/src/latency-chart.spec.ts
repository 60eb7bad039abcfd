import { escapeXml, renderLatencyChart } from './latency-chart.js';

describe('renderLatencyChart', () => {
  const svg = renderLatencyChart(
    [
      { second: 0, p50: 5, p99: 20, count: 100 },
      { second: 1, p50: 8, p99: 450, count: 100 },
    ],
    [{ name: '100/s', fromS: 0, toS: 2 }],
    'latency <run>',
  );

  it('is one standalone SVG document with a p50 and a p99 line of one point per bucket', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((match) => match[1]!.split(' '));
    expect(lines).toHaveLength(2);
    expect(lines.every((points) => points.length === 2)).toBe(true);
  });

  it('breaks the lines across seconds with no data (the pauses between phases)', () => {
    const gapped = renderLatencyChart(
      [
        { second: 0, p50: 5, p99: 9, count: 1 },
        { second: 1, p50: 5, p99: 9, count: 1 },
        { second: 5, p50: 5, p99: 9, count: 1 },
      ],
      [],
      'gaps',
    );
    expect([...gapped.matchAll(/<polyline /g)]).toHaveLength(4);
  });

  it('draws a log axis up to the decade above the slowest p99, and labels the phases', () => {
    expect(svg).toContain('>1 ms<');
    expect(svg).toContain('>100 ms<');
    expect(svg).toContain('>1 s<');
    expect(svg).not.toContain('>10 s<');
    expect(svg).toContain('>100/s<');
    expect(svg).toContain('latency &#60;run&#62;');
  });

  it('still renders with no data', () => {
    expect(renderLatencyChart([], [], 'empty')).toContain('</svg>');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
  });
});
