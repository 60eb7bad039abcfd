import type { ServerResponse } from 'node:http';

/** One Server-Sent Event; every line of `data` gets its own `data:` field, as the format requires. */
export function formatSseEvent(event: string, id: string, data: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`);
  return `event: ${event}\nid: ${id}\n${lines.join('\n')}\n\n`;
}

// A client that stopped reading is cut off rather than buffered for without bound.
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * An open `text/event-stream` response: headers sent at once (so the client knows it is
 * subscribed), a comment every `heartbeatMs` so proxies keep the idle connection, `onClose` once
 * the client goes away or the stream is ended.
 */
export class SseStream {
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    heartbeatMs: number,
    onClose: () => void,
  ) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx buffers proxied responses unless told not to.
      'X-Accel-Buffering': 'no',
    });
    response.write(': connected\n\n');
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), heartbeatMs);
    response.on('close', () => {
      clearInterval(this.heartbeat);
      onClose();
    });
  }

  send(event: string, id: string, data: string): void {
    this.write(formatSseEvent(event, id, data));
  }

  end(): void {
    this.response.end();
  }

  private write(chunk: string): void {
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.response.destroy();
      return;
    }
    this.response.write(chunk);
  }
}
