import { DOCKERHUB_PAYLOAD } from '../../test/hooks-fixtures.js';
import { mapDockerHubEvent } from './dockerhub.mapper.js';

describe('mapDockerHubEvent', () => {
  it('summarises the documented push payload', () => {
    expect(mapDockerHubEvent('acme', DOCKERHUB_PAYLOAD)).toEqual({
      type: 'dockerhub.push',
      trigger: null,
      summary: '[svendowideit/testhook] pushed tag latest by trustedbuilder',
      link: { label: 'Open on Docker Hub', url: 'https://registry.hub.docker.com/u/svendowideit/testhook/' },
    });
  });

  it('gets by with a sparse payload', () => {
    expect(
      mapDockerHubEvent('acme', { push_data: { tag: 'v2' }, repository: { namespace: 'acme', name: 'app' } }),
    ).toEqual({
      type: 'dockerhub.push',
      trigger: null,
      summary: '[acme/app] pushed tag v2',
      link: null,
    });
    expect(mapDockerHubEvent('acme', {}).summary).toBe('[acme] pushed an image');
  });
});
