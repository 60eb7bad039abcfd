import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.js';

describe('cursor', () => {
  it('round-trips time and id', () => {
    const id = '0b6f9a8e-3c9d-4f7e-9a55-0f2b1d2c3e4f';
    const cursor = encodeCursor(new Date('2026-11-22T10:00:00.123Z'), id);
    expect(decodeCursor(cursor)).toEqual({ createdAt: '2026-11-22T10:00:00.123Z', id });
  });

  it('refuses anything else', () => {
    expect(() => decodeCursor('garbage')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('2026-01-01|not-an-id').toString('base64url'))).toThrow(
      InvalidCursorError,
    );
  });
});
