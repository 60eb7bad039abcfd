import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateNotifierDto } from './create-notifier.dto.js';
import { UpdateNotifierDto } from './update-notifier.dto.js';

function fields(dto: new () => object, body: object): string[] {
  const walk = (errors: ValidationError[], prefix: string): string[] =>
    errors.flatMap((e) => [
      ...(e.constraints ? [`${prefix}${e.property}`] : []),
      ...walk(e.children ?? [], `${prefix}${e.property}.`),
    ]);
  const errors = validateSync(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true });
  return walk(errors, '').sort();
}

const NOTIFIER = { name: 'ops_hook', type: 'webhook', config: { url: 'https://example.com' } };

describe('notifier messages', () => {
  it('takes a title and a body per trigger, test and default', () => {
    const messages = {
      default: { title: '{{ type }}', body: 'Something happened' },
      started: { title: 'Started' },
      success: { body: 'Done' },
      error: {},
      approval: { title: 'Approve?' },
      test: { title: 'Test', body: 'Hello' },
    };
    expect(fields(CreateNotifierDto, { ...NOTIFIER, messages })).toEqual([]);
  });

  it('names unknown keys, unknown fields and wrong types', () => {
    expect(
      fields(CreateNotifierDto, {
        ...NOTIFIER,
        messages: { failure: { title: 'x' }, error: { title: 7, colour: 'red' }, test: 'hello' },
      }),
    ).toEqual(['messages.error.colour', 'messages.error.title', 'messages.failure', 'messages.test']);
    expect(fields(CreateNotifierDto, { ...NOTIFIER, messages: [] })).toEqual(['messages']);
  });
});

describe('UpdateNotifierDto', () => {
  it('takes any subset, with null clearing what can be cleared', () => {
    expect(fields(UpdateNotifierDto, {})).toEqual([]);
    expect(
      fields(UpdateNotifierDto, { description: null, fallback: null, messages: null, config: { port: 25 } }),
    ).toEqual([]);
    expect(fields(UpdateNotifierDto, { messages: { test: null, default: { title: 'x' } } })).toEqual([]);
  });

  it('refuses a null default or config, and a bad fallback name', () => {
    expect(fields(UpdateNotifierDto, { default: null, config: null, fallback: 'Not A Name' })).toEqual([
      'config',
      'default',
      'fallback',
    ]);
  });
});

describe('maxAttempts', () => {
  it('takes 1 to 100 tries, or null for the deployment default', () => {
    for (const maxAttempts of [1, 7, 100, null]) {
      expect(fields(CreateNotifierDto, { ...NOTIFIER, maxAttempts })).toEqual([]);
      expect(fields(UpdateNotifierDto, { maxAttempts })).toEqual([]);
    }
  });

  it.each([0, 101, 2.5, '3', -1])('refuses %p', (maxAttempts) => {
    expect(fields(CreateNotifierDto, { ...NOTIFIER, maxAttempts })).toEqual(['maxAttempts']);
    expect(fields(UpdateNotifierDto, { maxAttempts })).toEqual(['maxAttempts']);
  });
});
