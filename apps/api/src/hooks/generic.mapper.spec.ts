import { ApiError } from '../errors/api-error.js';
import { mapGenericEvent } from './generic.mapper.js';

describe('mapGenericEvent', () => {
  it('takes the type, trigger, title, summary and url from the body', () => {
    const body = {
      type: 'deploy.finished',
      trigger: 'success',
      title: 'Deploy of web finished',
      summary: 'web v42 is live',
      url: 'https://ci.example.com/deploys/42',
    };
    expect(mapGenericEvent('ci', body, undefined)).toEqual({
      type: 'generic.deploy.finished',
      trigger: 'success',
      title: 'Deploy of web finished',
      summary: 'web v42 is live',
      link: { label: 'Open', url: 'https://ci.example.com/deploys/42' },
    });
  });

  it('falls back to the X-Herald-Event header and a summary of its own', () => {
    expect(mapGenericEvent('ci', { build: 7 }, 'build.started')).toEqual({
      type: 'generic.build.started',
      trigger: null,
      title: '[ci] build.started',
      summary: '[ci] build.started',
      link: null,
    });
  });

  it('refuses a hook with no type anywhere', () => {
    expect(() => mapGenericEvent('ci', { build: 7 }, undefined)).toThrow(ApiError);
  });
});
