import { DEMO_EVENT, demoSeedSteps, tryItLine } from './demo-seed.js';

describe('demoSeedSteps', () => {
  const steps = demoSeedSteps({ host: '127.0.0.1', smtpPort: 1025, httpPort: 1080 });

  it('points the default email notifier at the SMTP catcher, patching it back when it exists', () => {
    const [mail] = steps;
    expect(mail).toMatchObject({
      method: 'POST',
      path: '/v1/notifiers',
      body: {
        name: 'dev_mail',
        type: 'email',
        default: true,
        config: { host: '127.0.0.1', port: 1025, security: 'none' },
      },
      onConflict: { method: 'PATCH', path: '/v1/notifiers/dev_mail', body: { default: true } },
    });
  });

  it('attaches the webhook notifier to project/demo for any trigger', () => {
    expect(steps.map((step) => `${step.method} ${step.path}`)).toEqual([
      'POST /v1/notifiers',
      'POST /v1/notifiers',
      'PUT /v1/resources/project/demo',
      'POST /v1/resources/project/demo/notifiers',
      'PUT /v1/users/demo',
      'PUT /v1/event-types/demo.hello',
    ]);
    expect(steps[1]!.body).toMatchObject({
      name: 'dev_hook',
      config: { url: 'http://127.0.0.1:1080/hooks/demo' },
    });
    expect(steps[3]!.body).toEqual({ notifier: 'dev_hook', triggers: ['any'] });
    expect(steps[4]!.body).toMatchObject({ email: 'demo@example.com' });
    expect(steps[5]!.body).toMatchObject({ defaultMethods: ['email'] });
  });
});

describe('tryItLine', () => {
  it('is one line holding the exact curl for the demo event and the page', () => {
    const line = tryItLine('http://127.0.0.1:3000', 'dev-admin-key', 'http://127.0.0.1:1080');

    expect(line).not.toContain('\n');
    expect(line).toContain(
      "curl -sX POST http://127.0.0.1:3000/v1/events -H 'Authorization: Bearer dev-admin-key' " +
        `-H 'Content-Type: application/json' -d '${JSON.stringify(DEMO_EVENT)}'`,
    );
    expect(line).toMatch(/open http:\/\/127\.0\.0\.1:1080$/);
  });
});
