import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateApiKeyDto } from './create-api-key.dto.js';

function messages(body: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(CreateApiKeyDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('CreateApiKeyDto', () => {
  it('accepts a full key and a minimal one', () => {
    expect(
      messages({
        name: 'ci',
        scopes: ['events:write', 'read'],
        expiresAt: inAnHour(),
        rateLimitPerMinute: 3,
      }),
    ).toEqual({});
    expect(messages({ name: 'dashboard@acme/prod', scopes: ['read'], expiresAt: null })).toEqual({});
  });

  it('refuses unknown, repeated or missing scopes', () => {
    expect(Object.keys(messages({ name: 'ci', scopes: ['write'] }))).toEqual(['scopes']);
    expect(Object.keys(messages({ name: 'ci', scopes: ['read', 'read'] }))).toEqual(['scopes']);
    expect(Object.keys(messages({ name: 'ci', scopes: [] }))).toEqual(['scopes']);
    expect(Object.keys(messages({ name: 'ci' }))).toEqual(['scopes']);
  });

  it('refuses a name that cannot be sent as X-App-Id', () => {
    for (const name of ['', ' ci', 'ci key', 'a'.repeat(101), 'é']) {
      expect(Object.keys(messages({ name, scopes: ['read'] }))).toEqual(['name']);
    }
  });

  it('wants expiresAt to be a date in the future', () => {
    expect(messages({ name: 'ci', scopes: ['read'], expiresAt: '2001-01-01T00:00:00Z' })).toEqual({
      expiresAt: ['expiresAt must be a date in the future'],
    });
    expect(Object.keys(messages({ name: 'ci', scopes: ['read'], expiresAt: 'tomorrow' }))).toEqual([
      'expiresAt',
    ]);
  });

  it('takes a whole, non-negative rate limit', () => {
    expect(messages({ name: 'ci', scopes: ['read'], rateLimitPerMinute: 0 })).toEqual({});
    for (const rateLimitPerMinute of [-1, 1.5, '10', 2_000_000]) {
      expect(Object.keys(messages({ name: 'ci', scopes: ['read'], rateLimitPerMinute }))).toEqual([
        'rateLimitPerMinute',
      ]);
    }
  });
});
