import { describeTemplateError } from './template-error.js';
import { validateTemplate } from './validate-template.js';

describe('validateTemplate', () => {
  it('accepts a template that parses, whatever variables it names', () => {
    expect(
      validateTemplate('Job {{ data.job }} failed\n{% if data.url %}[open]({{ data.url }}){% endif %}'),
    ).toEqual({
      ok: true,
    });
    expect(validateTemplate('{{ data | json_if_object }}')).toEqual({ ok: true });
  });

  it('reports an unclosed tag with its line and column', () => {
    expect(validateTemplate('Title\n  {% if data.x %} open')).toEqual({
      ok: false,
      errors: [{ message: 'tag {% if data.x %} not closed', line: 2, column: 3 }],
    });
  });

  it('reports an unclosed output and an unknown filter or tag', () => {
    expect(validateTemplate('ok {{ data.x')).toEqual({
      ok: false,
      errors: [{ message: 'output "{{ data.x" not closed', line: 1, column: 4 }],
    });
    expect(validateTemplate('a\nb\n {{ data.x | shout }}')).toEqual({
      ok: false,
      errors: [{ message: 'undefined filter: shout', line: 3, column: 2 }],
    });
    expect(validateTemplate('{% frobnicate %}')).toMatchObject({
      ok: false,
      errors: [{ line: 1, column: 1 }],
    });
  });
});

describe('describeTemplateError', () => {
  it('puts the position in words', () => {
    expect(describeTemplateError({ message: 'undefined filter: shout', line: 3, column: 2 })).toBe(
      'undefined filter: shout (line 3, column 2)',
    );
    expect(describeTemplateError({ message: 'boom' })).toBe('boom');
  });
});
