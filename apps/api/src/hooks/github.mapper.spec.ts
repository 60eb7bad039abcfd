import { githubExample, withAction } from '../../test/hooks-fixtures.js';
import { githubTrigger, mapGitHubEvent } from './github.mapper.js';

// Real payloads from @octokit/webhooks-examples; where it has no example of a case, the nearest one
// is adjusted, and the adjustment is spelled out.
describe('mapGitHubEvent', () => {
  it('summarises a push to a branch', () => {
    const push = githubExample('push', (e) => e.ref === 'refs/heads/master');
    expect(mapGitHubEvent('push', push)).toEqual({
      type: 'github.push',
      trigger: null,
      summary: '[Codertocat/Hello-World] Codertocat pushed 1 commit to master',
      link: { label: 'Open on GitHub', url: push.compare },
    });
    const three = { ...push, created: false, commits: [{}, {}, {}] };
    expect(mapGitHubEvent('push', three).summary).toBe(
      '[Codertocat/Hello-World] Codertocat pushed 3 commits to master',
    );
  });

  it('summarises tag pushes and deletions', () => {
    const created = githubExample('push', (e) => e.ref === 'refs/tags/simple-tag' && e.created === true);
    expect(mapGitHubEvent('push', created).summary).toBe(
      '[Codertocat/Hello-World] Codertocat created tag simple-tag',
    );
    const deleted = githubExample('push', (e) => e.deleted === true);
    expect(mapGitHubEvent('push', deleted).summary).toBe(
      '[Codertocat/Hello-World] Codertocat deleted tag simple-tag',
    );
  });

  it('summarises pull requests, merged ones as merged', () => {
    const opened = githubExample('pull_request', withAction('opened'));
    expect(mapGitHubEvent('pull_request', opened)).toMatchObject({
      type: 'github.pull_request',
      trigger: 'opened',
      summary:
        '[Codertocat/Hello-World] Codertocat opened pull request #2: Update the README with new information.',
      link: { url: 'https://github.com/Codertocat/Hello-World/pull/2' },
    });
    const merged = githubExample('pull_request', withAction('closed'));
    (merged.pull_request as Record<string, unknown>).merged = true;
    expect(mapGitHubEvent('pull_request', merged).summary).toContain('Codertocat merged pull request #2');
  });

  it('summarises issues (the examples have no "closed": a reopened one, closed)', () => {
    const issue = { ...githubExample('issues', withAction('reopened')), action: 'closed' };
    expect(mapGitHubEvent('issues', issue)).toMatchObject({
      type: 'github.issues',
      trigger: 'closed',
      summary: '[Codertocat/Hello-World] issue #1 closed by Codertocat: Spelling error in the README file',
    });
  });

  it('summarises workflow runs and checks with their outcome', () => {
    const run = githubExample(
      'workflow_run',
      (e) => (e.workflow_run as { conclusion: unknown }).conclusion === 'success',
    );
    (run.workflow_run as Record<string, unknown>).name = 'CI';
    expect(mapGitHubEvent('workflow_run', run)).toMatchObject({
      type: 'github.workflow_run',
      trigger: 'success',
      summary: '[octo-org/octo-repo] workflow CI succeeded on master',
      link: { url: 'https://github.com/octo-org/octo-repo/actions/runs/289782451' },
    });
    const check = githubExample(
      'check_run',
      (e) => (e.check_run as { conclusion: unknown }).conclusion === 'failure',
    );
    expect(mapGitHubEvent('check_run', check)).toMatchObject({
      trigger: 'error',
      summary: expect.stringContaining('check run Octocoders-linter failed'),
    });
  });

  it('falls back to the event, the action and the sender', () => {
    const label = {
      action: 'created',
      label: { name: 'bug' },
      repository: { full_name: 'acme/web' },
      sender: { login: 'alice' },
    };
    expect(mapGitHubEvent('label', label)).toEqual({
      type: 'github.label',
      trigger: 'created',
      summary: '[acme/web] label created by alice',
      link: null,
    });
  });
});

describe('githubTrigger', () => {
  const run = (status: string, conclusion: string | null, action = 'completed') => ({
    action,
    workflow_run: { status, conclusion },
  });

  it.each([
    ['failure', 'error'],
    ['timed_out', 'error'],
    ['startup_failure', 'error'],
    ['success', 'success'],
    ['action_required', 'approval'],
    ['cancelled', 'completed'],
  ])('maps a completed run concluded %s to %s', (conclusion, trigger) => {
    expect(githubTrigger('workflow_run', run('completed', conclusion))).toBe(trigger);
  });

  it('maps runs in progress to started, deployments by state, and keeps other actions', () => {
    expect(
      githubTrigger('workflow_job', { action: 'in_progress', workflow_job: { status: 'in_progress' } }),
    ).toBe('started');
    expect(
      githubTrigger('deployment_status', { action: 'created', deployment_status: { state: 'failure' } }),
    ).toBe('error');
    expect(githubTrigger('issues', { action: 'labeled' })).toBe('labeled');
    expect(githubTrigger('push', {})).toBeNull();
  });
});
