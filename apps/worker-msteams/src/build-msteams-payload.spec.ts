import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildMsTeamsPayload, MAX_BODY_BYTES, truncateUtf8 } from './build-msteams-payload.js';

const config = {
  webhookUrl:
    'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t',
};

describe('buildMsTeamsPayload', () => {
  it('posts one Adaptive Card message to the workflow URL', () => {
    const delivery = outboundDelivery({
      message: {
        title: 'Job **deploy web** failed',
        markdown: 'The job **deploy web** failed.\n\n[Open job](https://ci.example.com/jobs/42)',
        text: '',
      },
    });

    expect(buildMsTeamsPayload(delivery, config)).toEqual({
      url: config.webhookUrl,
      body: {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                {
                  type: 'TextBlock',
                  text: 'Job deploy web failed',
                  weight: 'Bolder',
                  size: 'Large',
                  wrap: true,
                },
                { type: 'TextBlock', text: 'The job **deploy web** failed.', wrap: true },
                { type: 'TextBlock', text: '[Open job](https://ci.example.com/jobs/42)', wrap: true },
                {
                  type: 'FactSet',
                  facts: [
                    { title: 'Source', value: 'job_template 42' },
                    { title: 'Trigger', value: 'error' },
                  ],
                },
              ],
              actions: [{ type: 'Action.OpenUrl', title: 'Open job', url: 'https://ci.example.com/jobs/42' }],
              msteams: { width: 'Full' },
            },
          },
        ],
      },
    });
  });

  it('leaves out the facts, the body and the actions a notification lacks', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({
      message: { title: 'Backup done', markdown: '  \n\n ', text: '' },
      notification: { ...base.notification, source: null, trigger: null, actions: [] },
    });

    const card = buildMsTeamsPayload(delivery, config).body.attachments[0].content;

    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Backup done', weight: 'Bolder', size: 'Large', wrap: true },
    ]);
    expect(card.actions).toEqual([]);
  });

  it('keeps a huge body under the Teams message size limit', () => {
    const delivery = outboundDelivery({ message: { title: 't', markdown: 'é'.repeat(30_000), text: '' } });

    const { body } = buildMsTeamsPayload(delivery, config);

    const text = (body.attachments[0].content.body[1] as { text: string }).text;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(text.endsWith('é…')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(28 * 1024);
  });
});

describe('truncateUtf8', () => {
  it('keeps text that fits', () => {
    expect(truncateUtf8('short', 5)).toBe('short');
  });

  it('never splits a character, even a surrogate pair', () => {
    // '…' is 3 bytes and each emoji 4: 10 bytes leave room for one emoji only.
    expect(truncateUtf8('🚀🚀🚀', 10)).toBe('🚀…');
  });
});
