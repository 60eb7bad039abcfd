import { PhaseArrivals, WebhookReceiver } from './webhook-receiver.js';

describe('PhaseArrivals', () => {
  it('keeps the first arrival of each sequence number and counts repeats as duplicates', () => {
    const arrivals = new PhaseArrivals(3);
    arrivals.record(0, 10);
    arrivals.record(2, 30);
    arrivals.record(0, 40);
    arrivals.record(7, 50);
    expect(arrivals.received).toBe(2);
    expect(arrivals.duplicates).toBe(1);
    expect(Array.from(arrivals.at)).toEqual([10, NaN, 30]);
    expect(arrivals.lastAt).toBe(30);
  });
});

describe('WebhookReceiver', () => {
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  const post = (body: string) =>
    fetch(receiver.url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers 200 and records each delivery by the phase and seq of its event data', async () => {
    const arrivals = receiver.expect('500/s', 2);
    const body = (seq: number) =>
      JSON.stringify({
        _version: '1.1',
        msg_id: `d-${seq}`,
        payload: { data: { phase: '500/s', seq } },
        title: 't',
      });
    expect((await post(body(1))).status).toBe(200);
    await post(body(1));
    expect(arrivals.received).toBe(1);
    expect(arrivals.duplicates).toBe(1);
    expect(Number.isNaN(arrivals.at[0]!)).toBe(true);
    expect(arrivals.at[1]).toBeGreaterThan(0);
  });

  it('counts what it cannot attribute instead of failing', async () => {
    const before = receiver.unknown;
    expect((await post('not json')).status).toBe(200);
    await post(JSON.stringify({ payload: { data: { phase: 'other', seq: 0 } } }));
    expect(receiver.unknown).toBe(before + 2);
  });
});
