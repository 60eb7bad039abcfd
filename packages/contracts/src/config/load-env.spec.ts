import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import { EnvValidationError, loadEnv } from './load-env.js';

class SampleEnv {
  @Expose()
  @IsString()
  DATABASE_URL = 'postgres://localhost/db';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PORT = 3000;
}

describe('loadEnv', () => {
  it('applies defaults and ignores unrelated variables', () => {
    const env = loadEnv(SampleEnv, { HOME: '/root' });
    expect(env).toEqual({ DATABASE_URL: 'postgres://localhost/db', PORT: 3000 });
  });

  it('converts numbers', () => {
    expect(loadEnv(SampleEnv, { PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every bad variable', () => {
    expect(() => loadEnv(SampleEnv, { PORT: 'eighty' })).toThrow(EnvValidationError);
    expect(() => loadEnv(SampleEnv, { PORT: '0' })).toThrow(/PORT: PORT must not be less than 1/);
  });
});
