import type { NotificationView } from '@herald/contracts';
import { eventually, HttpCatcher } from '@herald/testing';
import { HeraldStack } from './stack.js';

/**
 * Notifiers attached at organization, project and job template all hear an `error` of the job
 * template, each once; a `success` reaches only those attached for success; every target that
 * was not sent is explained.
 */
describe('routing through the resource hierarchy, end to end', () => {
  const stack = new HeraldStack();
  const receiver = new HttpCatcher();

  beforeAll(async () => {
    await receiver.start();
    await stack.start();
    const hooks = ['org_errors', 'project_all', 'template_errors', 'template_success'];
    for (const name of hooks) {
      const created = await stack.request('POST', '/v1/notifiers', {
        name,
        type: 'webhook',
        config: { url: receiver.url(`/${name}`) },
      });
      expect(created.status).toBe(201);
    }
    const tree = [
      ['PUT', '/v1/resources/organization/acme', { name: 'Acme' }],
      ['PUT', '/v1/resources/project/web', { name: 'Web', parent: { kind: 'organization', id: 'acme' } }],
      [
        'PUT',
        '/v1/resources/job_template/42',
        { name: 'Deploy web', parent: { kind: 'project', id: 'web' } },
      ],
    ] as const;
    for (const [method, path, body] of tree)
      expect((await stack.request(method, path, body)).status).toBe(200);
    const attachments = [
      ['organization/acme', 'org_errors', ['error']],
      ['organization/acme', 'project_all', ['any']],
      ['project/web', 'project_all', ['any']],
      ['job_template/42', 'template_errors', ['error']],
      ['job_template/42', 'template_success', ['success']],
    ] as const;
    for (const [resource, notifier, triggers] of attachments) {
      const attached = await stack.request('POST', `/v1/resources/${resource}/notifiers`, {
        notifier,
        triggers,
      });
      expect(attached.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  async function send(trigger: string, extra: object = {}): Promise<NotificationView> {
    const accepted = await stack.request<{ id: string }>('POST', '/v1/events', {
      type: `job.${trigger}`,
      source: { kind: 'job_template', id: '42' },
      trigger,
      data: { job: 'deploy web' },
      ...extra,
    });
    expect(accepted.status).toBe(202);
    return eventually(
      async () => {
        const { body } = await stack.request<NotificationView>(
          'GET',
          `/v1/notifications/${accepted.body.id}`,
        );
        return body.status === 'completed' ? body : undefined;
      },
      20_000,
      'the notification to complete',
    );
  }

  const arrivals = (path: string) => receiver.requests.filter((r) => r.path === path).length;

  it('delivers an error to the organization, project and job template notifiers, each once', async () => {
    const notification = await send('error');
    const sent = notification.deliveries.filter((d) => d.status === 'sent').map((d) => d.notifier);
    expect(sent.sort()).toEqual(['org_errors', 'project_all', 'template_errors']);
    await eventually(() => (arrivals('/template_errors') === 1 ? true : undefined));
    expect(arrivals('/org_errors')).toBe(1);
    expect(arrivals('/project_all')).toBe(1);
    expect(arrivals('/template_success')).toBe(0);
  });

  it('delivers a success only to the notifiers attached for success (or any)', async () => {
    const notification = await send('success');
    expect(notification.deliveries.map((d) => d.notifier).sort()).toEqual([
      'project_all',
      'template_success',
    ]);
    expect(notification.deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(arrivals('/org_errors')).toBe(1);
  });

  it('explains every target that was not sent', async () => {
    const notification = await send('error', {
      recipients: [{ userId: 'nobody' }, { email: 'ops@example.com' }],
      channels: ['webhook'],
    });
    const skipped = notification.deliveries.filter((d) => d.status === 'skipped');
    expect(skipped.map((d) => [d.userId ?? d.address, d.reason]).sort()).toEqual([
      ['nobody', 'unknown_user'],
      ['ops@example.com', 'channel_disabled'],
    ]);
    expect(notification.deliveries.filter((d) => d.status === 'sent')).toHaveLength(3);
  });
});
