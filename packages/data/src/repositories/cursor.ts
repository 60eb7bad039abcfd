/** Opaque keyset cursor: base64url of `<ISO time with microseconds>|<id>`. */
export function encodeCursor(createdAt: Date | string, id: string): string {
  const time = createdAt instanceof Date ? createdAt.toISOString() : createdAt;
  return Buffer.from(`${time}|${id}`).toString('base64url');
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || extra !== undefined || Number.isNaN(Date.parse(createdAt))) {
    throw new InvalidCursorError();
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new InvalidCursorError();
  return { createdAt, id };
}
