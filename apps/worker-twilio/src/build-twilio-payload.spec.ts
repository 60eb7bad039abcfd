import { TwilioMode } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { thrownBy } from '@herald/worker-kit/testing';
import {
  ACCOUNT_SID,
  BASIC_AUTH,
  notifierDelivery,
  twilioConfig,
  userDelivery,
} from '../test/twilio-fixtures.js';
import { buildTwilioPayload, MAX_SMS_LENGTH } from './build-twilio-payload.js';

const MESSAGES_URL = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('buildTwilioPayload', () => {
  it('texts the user’s phone the plain title and body, with basic auth', () => {
    const [request, ...others] = buildTwilioPayload(userDelivery(), twilioConfig());

    expect(others).toEqual([]);
    expect(request.to).toBe('+14155550100');
    expect(request.url).toBe(MESSAGES_URL);
    expect(request.headers).toEqual({
      Authorization: BASIC_AUTH,
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(request.body).toBe(
      'To=%2B14155550100&From=%2B15005550006&Body=Job+deploy+web+failed%0A%0AThe+job+deploy+web+failed.+Open+job%3A+https%3A%2F%2Fci.example.com%2Fjobs%2F42',
    );
  });

  it('sends from the Messaging Service instead of `from` when one is configured', () => {
    const [request] = buildTwilioPayload(
      userDelivery(),
      twilioConfig({ messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' }),
    );

    expect(form(request.body)).toEqual({
      To: '+14155550100',
      MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      Body: expect.stringMatching(/^Job deploy web failed/),
    });
  });

  it('makes one request per distinct number of the notifier’s `to`', () => {
    const requests = buildTwilioPayload(
      notifierDelivery(),
      twilioConfig({ to: ['+14155550100', '+442071838750', '+14155550100'] }),
    );

    expect(requests.map((request) => [request.to, form(request.body).To])).toEqual([
      ['+14155550100', '+14155550100'],
      ['+442071838750', '+442071838750'],
    ]);
  });

  it('cuts the body to Twilio’s 1600 characters without splitting an emoji', () => {
    const delivery = {
      ...userDelivery(),
      message: { title: 'T', markdown: '', text: `${'x'.repeat(1596)}🚨🚨` },
    };

    const [request] = buildTwilioPayload(delivery, twilioConfig());

    const body = form(request.body).Body;
    expect(body.length).toBeLessThanOrEqual(MAX_SMS_LENGTH);
    expect(body).toBe(`T\n\n${'x'.repeat(1596)}…`);
  });

  it('calls with TwiML that says the title, escaped', () => {
    const delivery = {
      ...userDelivery(),
      message: { title: 'Disk <90%> & **full**', markdown: '', text: '' },
    };

    const [request] = buildTwilioPayload(delivery, twilioConfig({ mode: TwilioMode.Call }));

    expect(request.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`);
    expect(form(request.body)).toEqual({
      To: '+14155550100',
      From: '+15005550006',
      Twiml: '<Response><Say>Disk &lt;90%&gt; &amp; full</Say></Response>',
    });
  });

  it('goes to the apiUrl given', () => {
    const [request] = buildTwilioPayload(
      userDelivery(),
      twilioConfig({ apiUrl: 'http://127.0.0.1:8080/twilio/' }),
    );

    expect(request.url).toBe(`http://127.0.0.1:8080/twilio/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
  });

  it('fails permanently on a user phone that is not E.164', () => {
    const error = thrownBy(() => buildTwilioPayload(userDelivery('0415 555 0100'), twilioConfig()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('invalid_address');
    expect(error.message).toBe('not an E.164 phone number: 0415 555 0100');
  });

  it('fails permanently with no_address when there is no number at all', () => {
    const error = thrownBy(() => buildTwilioPayload(notifierDelivery(), twilioConfig()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('no_address');
  });
});
