import { effectiveAttachmentsOf, type ResourceChainNode } from './resource.repository.js';

const node = (resourceId: string, kind: string, id: string): ResourceChainNode => ({
  resourceId,
  kind,
  id,
  inheritNotifiers: true,
});
const chain = [
  node('r1', 'job_template', '42'),
  node('r2', 'project', 'web'),
  node('r3', 'organization', 'acme'),
];

describe('effectiveAttachmentsOf', () => {
  it('lists own attachments first, then inherited ones nearest first, one per notifier', () => {
    const effective = effectiveAttachmentsOf(
      chain,
      [
        { resourceId: 'r3', notifier: 'org_mail', triggers: ['any'] },
        { resourceId: 'r3', notifier: 'ci_hook', triggers: ['any'] },
        { resourceId: 'r2', notifier: 'ci_hook', triggers: ['error'] },
        { resourceId: 'r1', notifier: 'job_slack', triggers: ['success'] },
      ],
      false,
    );
    expect(effective).toEqual([
      { notifier: 'job_slack', triggers: ['success'], inheritedFrom: null },
      { notifier: 'ci_hook', triggers: ['error'], inheritedFrom: { kind: 'project', id: 'web' } },
      { notifier: 'org_mail', triggers: ['any'], inheritedFrom: { kind: 'organization', id: 'acme' } },
    ]);
  });

  it('marks the deployment defaults as inherited from the deployment', () => {
    const deployment = [node('d', 'deployment', 'default')];
    expect(
      effectiveAttachmentsOf(deployment, [{ resourceId: 'd', notifier: 'ops', triggers: ['any'] }], true),
    ).toEqual([
      {
        notifier: 'ops',
        triggers: ['any'],
        inheritedFrom: { kind: 'deployment', id: 'default' },
        viaDefaults: true,
      },
    ]);
  });

  it('ignores attachments of resources outside the chain', () => {
    expect(
      effectiveAttachmentsOf(chain, [{ resourceId: 'elsewhere', notifier: 'x', triggers: ['any'] }], false),
    ).toEqual([]);
  });
});
