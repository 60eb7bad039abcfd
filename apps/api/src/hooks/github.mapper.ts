import type { HookEvent } from './hook-event.js';
import { field, link, list, type Payload, text } from './payload-fields.js';

// Events whose object ends with a `conclusion`, under the key named here.
const CONCLUDED: Record<string, string> = {
  workflow_run: 'workflow_run',
  workflow_job: 'workflow_job',
  check_run: 'check_run',
  check_suite: 'check_suite',
};

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

const CONCLUSION_WORDS: Record<string, string> = {
  success: 'succeeded',
  failure: 'failed',
  timed_out: 'timed out',
  startup_failure: 'failed to start',
  cancelled: 'was cancelled',
  action_required: 'needs approval',
  neutral: 'finished',
  skipped: 'was skipped',
  stale: 'went stale',
};

const ACTION_WORDS: Record<string, string> = {
  synchronize: 'updated',
  ready_for_review: 'marked ready for review',
  review_requested: 'requested a review on',
  review_request_removed: 'removed a review request from',
  converted_to_draft: 'converted to draft',
};

/** A GitHub delivery (`X-GitHub-Event` + payload) as a Herald event; `ping` is answered before this. */
export function mapGitHubEvent(event: string, payload: Payload): HookEvent {
  const repo = text(payload, 'repository', 'full_name') ?? text(payload, 'organization', 'login');
  const actor = text(payload, 'sender', 'login') ?? text(payload, 'pusher', 'name') ?? 'someone';
  const { what, url } = describe(event, payload, actor);
  return {
    type: `github.${event}`,
    trigger: githubTrigger(event, payload),
    summary: repo ? `[${repo}] ${what}` : what,
    link: url ? { label: 'Open on GitHub', url } : null,
  };
}

/** `error` for a failed run or check, `success`, `started`, `approval`; otherwise the payload's action. */
export function githubTrigger(event: string, payload: Payload): string | null {
  const action = text(payload, 'action') ?? null;
  const object = CONCLUDED[event];
  if (object) {
    const conclusion = text(payload, object, 'conclusion');
    if (text(payload, object, 'status') === 'completed' && conclusion) {
      if (conclusion === 'success') return 'success';
      if (FAILED.has(conclusion)) return 'error';
      if (conclusion === 'action_required') return 'approval';
    }
    if (action === 'in_progress') return 'started';
  }
  if (event === 'deployment_status') {
    const state = text(payload, 'deployment_status', 'state');
    if (state === 'success') return 'success';
    if (state === 'failure' || state === 'error') return 'error';
    if (state === 'in_progress') return 'started';
  }
  return action;
}

function describe(event: string, payload: Payload, actor: string): { what: string; url?: string } {
  const action = text(payload, 'action');
  switch (event) {
    case 'push':
      return { what: describePush(payload, actor), url: link(payload, 'compare') };
    case 'pull_request': {
      const merged = action === 'closed' && field(payload, 'pull_request', 'merged') === true;
      const verb = merged ? 'merged' : words(action);
      const number = text(payload, 'number') ?? text(payload, 'pull_request', 'number');
      const title = text(payload, 'pull_request', 'title');
      return {
        what: `${actor} ${verb} pull request #${number}${title ? `: ${title}` : ''}`,
        url: link(payload, 'pull_request', 'html_url'),
      };
    }
    case 'issues': {
      const title = text(payload, 'issue', 'title');
      return {
        what: `issue #${text(payload, 'issue', 'number')} ${action ?? 'changed'} by ${actor}${title ? `: ${title}` : ''}`,
        url: link(payload, 'issue', 'html_url'),
      };
    }
    case 'issue_comment':
      return {
        what: `${actor} commented on #${text(payload, 'issue', 'number')}: ${text(payload, 'issue', 'title') ?? ''}`.trim(),
        url: link(payload, 'comment', 'html_url'),
      };
    case 'release':
      return {
        what: `${actor} ${words(action)} release ${text(payload, 'release', 'tag_name') ?? ''}`.trim(),
        url: link(payload, 'release', 'html_url'),
      };
    case 'create':
    case 'delete':
      return {
        what: `${actor} ${event}d ${text(payload, 'ref_type') ?? 'ref'} ${text(payload, 'ref') ?? ''}`.trim(),
      };
  }
  const object = CONCLUDED[event];
  if (object) return describeRun(event, object, payload);
  return {
    what: `${event.replace(/_/g, ' ')}${action ? ` ${words(action)}` : ''} by ${actor}`,
    url: link(payload, 'repository', 'html_url'),
  };
}

function describePush(payload: Payload, actor: string): string {
  const ref = text(payload, 'ref') ?? '';
  const tag = ref.startsWith('refs/tags/');
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  const kind = tag ? 'tag' : 'branch';
  if (payload.deleted === true) return `${actor} deleted ${kind} ${name}`;
  const count = list(payload, 'commits').length;
  if (tag || (payload.created === true && count === 0)) return `${actor} created ${kind} ${name}`;
  const forced = payload.forced === true ? 'force-pushed' : 'pushed';
  return `${actor} ${forced} ${count} commit${count === 1 ? '' : 's'} to ${name}`;
}

function describeRun(event: string, object: string, payload: Payload): { what: string; url?: string } {
  const label =
    event === 'workflow_run' ? 'workflow' : event === 'workflow_job' ? 'job' : event.replace(/_/g, ' ');
  const name = text(payload, object, 'name') ?? text(payload, object, 'display_title');
  const conclusion = text(payload, object, 'conclusion');
  const status = text(payload, object, 'status');
  const outcome =
    status === 'completed' && conclusion
      ? (CONCLUSION_WORDS[conclusion] ?? conclusion.replace(/_/g, ' '))
      : words(text(payload, 'action') ?? status);
  const branch = text(payload, object, 'head_branch');
  return {
    what: `${label}${name ? ` ${name}` : ''} ${outcome}${branch ? ` on ${branch}` : ''}`,
    url: link(payload, object, 'html_url') ?? link(payload, object, 'details_url'),
  };
}

function words(action: string | undefined): string {
  if (!action) return 'changed';
  return ACTION_WORDS[action] ?? action.replace(/_/g, ' ');
}
