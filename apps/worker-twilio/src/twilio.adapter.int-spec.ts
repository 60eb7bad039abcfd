import { ChannelName, type TwilioConfigDto, TwilioMode } from '@herald/contracts';
import { type CaughtRequest, HttpCatcher, type ScriptedAnswer } from '@herald/testing';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal, outboundNotifier } from '@herald/worker-kit/testing';
import {
  ACCOUNT_SID,
  BASIC_AUTH,
  notifierDelivery,
  twilioConfig,
  twilioError,
  userDelivery,
} from '../test/twilio-fixtures.js';
import { TwilioAdapter } from './twilio.adapter.js';

const ALICE = '+14155550100';
const BOB = '+442071838750';
const CAROL = '+61491570156';

let catcher: HttpCatcher;
/** How the fake answers a number; a created message by default. */
let answerFor: (to: string, request: CaughtRequest) => ScriptedAnswer;
const adapters: TwilioAdapter[] = [];

function created(sid: string): ScriptedAnswer {
  return {
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sid, status: 'queued', account_sid: ACCOUNT_SID }),
  };
}

function failed(
  code: number,
  message: string,
  status: number,
  headers: Record<string, string> = {},
): ScriptedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: twilioError(code, message, status),
  };
}

beforeEach(async () => {
  answerFor = (to) => created(`SM-${to.slice(1)}`);
  catcher = new HttpCatcher((request) => {
    // A fake that checks what the real API checks before anything else: the credentials.
    if (request.headers.authorization !== BASIC_AUTH) {
      return failed(20003, 'Authentication Error - invalid username', 401);
    }
    const to = new URLSearchParams(request.body).get('To') ?? '';
    return answerFor(to, request);
  });
  await catcher.start();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await catcher.stop();
});

function adapter(): TwilioAdapter {
  const created = new TwilioAdapter();
  adapters.push(created);
  return created;
}

function notifier(overrides: Partial<TwilioConfigDto> = {}) {
  return outboundNotifier(ChannelName.Twilio, twilioConfig({ apiUrl: catcher.url(''), ...overrides }));
}

function sentTo(): string[] {
  return catcher.requests.map((request) => new URLSearchParams(request.body).get('To') ?? '');
}

describe('TwilioAdapter against a fake Twilio REST API', () => {
  it('texts the user’s phone through Messages.json and keeps the message sid', async () => {
    const result = await adapter().send(userDelivery(ALICE), notifier(), openSignal());

    expect(result).toEqual({ providerCode: '201', providerMessageId: 'SM-14155550100' });
    const [request] = catcher.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.headers.authorization).toBe(BASIC_AUTH);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: ALICE,
      From: '+15005550006',
      Body: 'Job deploy web failed\n\nThe job deploy web failed. Open job: https://ci.example.com/jobs/42',
    });
  });

  it('calls through Calls.json with TwiML saying the title', async () => {
    answerFor = () => created('CA0123');

    const result = await adapter().send(
      userDelivery(ALICE),
      notifier({ mode: TwilioMode.Call }),
      openSignal(),
    );

    expect(result.providerMessageId).toBe('CA0123');
    expect(catcher.requests[0].path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`);
    expect(new URLSearchParams(catcher.requests[0].body).get('Twiml')).toBe(
      '<Response><Say>Job deploy web failed</Say></Response>',
    );
  });

  it('sends one request per number of a notifier target', async () => {
    const result = await adapter().send(
      notifierDelivery(),
      notifier({ to: [ALICE, BOB, CAROL] }),
      openSignal(),
    );

    expect(sentTo()).toEqual([ALICE, BOB, CAROL]);
    expect(result.providerMessageId).toBe('SM-14155550100,SM-442071838750,SM-61491570156');
  });

  it('fails for good naming the number Twilio refused, and which were sent', async () => {
    answerFor = (to) =>
      to === BOB ? failed(21211, `The 'To' number ${BOB} is not a valid phone number.`, 400) : created('SM1');

    const error = await failureOf(
      adapter().send(notifierDelivery(), notifier({ to: [ALICE, BOB, CAROL] }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('21211');
    expect(error.message).toBe(
      `Twilio failed for 1 of 3 numbers (${BOB}: Twilio answered HTTP 400: 21211 The 'To' number ${BOB} ` +
        `is not a valid phone number. (https://www.twilio.com/docs/errors/21211)); sent to ${ALICE}, ${CAROL}`,
    );
    expect(sentTo()).toEqual([ALICE, BOB, CAROL]);
  });

  it('on retry sends only to the numbers that had not got it', async () => {
    const sender = adapter();
    const target = notifier({ to: [ALICE, BOB, CAROL] });
    answerFor = (to) => (to === BOB ? failed(20500, 'Internal Server Error', 500) : created(`SM-${to}`));
    const first = await failureOf(sender.send(notifierDelivery(), target, openSignal()));
    answerFor = (to) => created(`SM-${to}`);

    const result = await sender.send({ ...notifierDelivery(), attemptNumber: 2 }, target, openSignal());

    expect(first.code).toBe(DeliveryErrorCode.Retryable);
    expect(sentTo()).toEqual([ALICE, BOB, CAROL, BOB]);
    expect(result.providerMessageId).toBe(`SM-${ALICE},SM-${BOB},SM-${CAROL}`);
  });

  it('stops at a 20429 and waits, leaving the rest untried', async () => {
    answerFor = (to) =>
      to === BOB ? failed(20429, 'Too Many Requests', 429, { 'Retry-After': '2' }) : created(`SM-${to}`);

    const error = await failureOf(
      adapter().send(notifierDelivery(), notifier({ to: [ALICE, BOB, CAROL] }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('20429');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toContain(`not tried: ${CAROL}; sent to ${ALICE}`);
    expect(sentTo()).toEqual([ALICE, BOB]);
  });

  it('fails for good on a wrong auth token (20003)', async () => {
    const error = await failureOf(
      adapter().send(userDelivery(ALICE), notifier({ authToken: 'wrong' }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('20003');
  });

  it('fails for good on 21610, a recipient who replied STOP', async () => {
    answerFor = () => failed(21610, 'Attempt to send to unsubscribed recipient', 400);

    const error = await failureOf(adapter().send(userDelivery(ALICE), notifier(), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('21610');
  });

  it.each([
    [
      'a call without from',
      { mode: TwilioMode.Call, from: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
      'config.from',
    ],
    ['SMS with neither from nor a messaging service', { from: undefined }, 'config.from'],
    ['an account SID that is not AC + 32 hex', { accountSid: 'AC123' }, 'config.accountSid'],
    ['a `to` number that is not E.164', { to: ['555-0100'] }, 'config.to'],
  ])('fails permanently, without a request, on %s', async (_case, overrides, field) => {
    const error = await failureOf(
      adapter().send(notifierDelivery(), notifier({ to: [ALICE], ...overrides }), openSignal()),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain(field);
    expect(catcher.requests).toHaveLength(0);
  });

  it('accepts SMS through a messaging service without from', async () => {
    const config = { from: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' };

    await adapter().send(userDelivery(ALICE), notifier(config), openSignal());

    expect(new URLSearchParams(catcher.requests[0].body).get('MessagingServiceSid')).toBe(
      config.messagingServiceSid,
    );
  });
});
