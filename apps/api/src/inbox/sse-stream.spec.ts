import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { formatSseEvent, SseStream } from './sse-stream.js';

describe('formatSseEvent', () => {
  it('writes the event name, the id and the data, ended by a blank line', () => {
    expect(formatSseEvent('inbox', 'a1', '{"id":"a1"}')).toBe('event: inbox\nid: a1\ndata: {"id":"a1"}\n\n');
  });

  it('gives every line of the data its own data field', () => {
    expect(formatSseEvent('inbox', 'a1', 'one\ntwo\r\nthree')).toBe(
      'event: inbox\nid: a1\ndata: one\ndata: two\ndata: three\n\n',
    );
  });
});

/** The part of a ServerResponse the stream uses, recording what it is given. */
class RecordingResponse extends EventEmitter {
  status = 0;
  headers: Record<string, string> = {};
  chunks: string[] = [];
  ended = false;
  destroyed = false;
  writableLength = 0;

  writeHead(status: number, headers: Record<string, string>): this {
    this.status = status;
    this.headers = headers;
    return this;
  }

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): this {
    this.ended = true;
    this.emit('close');
    return this;
  }

  destroy(): this {
    this.destroyed = true;
    this.emit('close');
    return this;
  }
}

describe('SseStream', () => {
  const streams: SseStream[] = [];
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.end();
  });

  function open(heartbeatMs = 15_000) {
    const response = new RecordingResponse();
    const closes: number[] = [];
    const stream = new SseStream(response as unknown as ServerResponse, heartbeatMs, () =>
      closes.push(Date.now()),
    );
    streams.push(stream);
    return { response, stream, closes };
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends the event-stream headers and a first comment at once', () => {
    const { response } = open();
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    expect(response.chunks).toEqual([': connected\n\n']);
  });

  it('writes a heartbeat comment every interval, and stops when the client leaves', async () => {
    const { response, closes } = open(20);
    // Waits for three beats rather than a fixed time: timers run late on a busy machine.
    for (let waited = 0; response.chunks.length < 4 && waited < 3000; waited += 20) await sleep(20);
    const beats = response.chunks.slice(1);
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(new Set(beats)).toEqual(new Set([': heartbeat\n\n']));

    response.emit('close');
    expect(closes).toHaveLength(1);
    const written = response.chunks.length;
    await sleep(60);
    expect(response.chunks).toHaveLength(written);
  });

  it('sends events and ends the response when ended', () => {
    const { response, stream, closes } = open();
    stream.send('inbox', 'a1', '{"id":"a1"}');
    expect(response.chunks[1]).toBe('event: inbox\nid: a1\ndata: {"id":"a1"}\n\n');
    stream.end();
    expect(response.ended).toBe(true);
    expect(closes).toHaveLength(1);
  });

  it('cuts off a client that stopped reading instead of buffering for it', () => {
    const { response, stream, closes } = open();
    response.writableLength = 2 * 1024 * 1024;
    stream.send('inbox', 'a1', '{}');
    expect(response.destroyed).toBe(true);
    expect(response.chunks).toHaveLength(1);
    expect(closes).toHaveLength(1);
  });
});
