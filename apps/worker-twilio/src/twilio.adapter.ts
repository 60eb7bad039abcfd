import { ChannelName, type TwilioConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  DeliveryErrorCode,
  HttpSender,
  type HttpSenderOptions,
  jsonBodyOf,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildTwilioPayload, type TwilioRequest } from './build-twilio-payload.js';
import { classifyTwilioError } from './classify-twilio-error.js';
import { isSettled, type RecipientOutcome, RecipientOutcomes } from './recipient-outcomes.js';

export interface TwilioAdapterOptions extends HttpSenderOptions {
  /** How many multi-number deliveries' partial outcomes are remembered for their retries. Default 10 000. */
  rememberedDeliveries?: number;
}

/** Sends SMS or places voice calls through Twilio's REST API, one request per number. */
export class TwilioAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Twilio;
  private readonly http: HttpSender;
  private readonly outcomes: RecipientOutcomes;

  constructor({ rememberedDeliveries, ...httpOptions }: TwilioAdapterOptions = {}) {
    this.http = new HttpSender(httpOptions);
    this.outcomes = new RecipientOutcomes(rememberedDeliveries);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<TwilioConfigDto>(ChannelName.Twilio, notifier);
    const requests = buildTwilioPayload(delivery, config);
    const outcomes = this.outcomes.of(delivery.id);

    for (const request of requests) {
      if (isSettled(outcomes.get(request.to))) continue;
      const outcome = await this.sendOne(request, signal);
      outcomes.set(request.to, outcome);
      // The rest would be refused too, or cut off by the same timeout.
      const stop =
        'error' in outcome && (outcome.error.code === DeliveryErrorCode.RateLimited || signal.aborted);
      if (stop) break;
    }

    const failure = failureOf(requests, outcomes);
    if (!failure || failure.code === DeliveryErrorCode.Permanent) this.outcomes.forget(delivery.id);
    if (failure) throw failure;
    return {
      providerCode: '201',
      providerMessageId: requests.map((request) => sidOf(outcomes.get(request.to))).join(','),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async sendOne(request: TwilioRequest, signal: AbortSignal): Promise<RecipientOutcome> {
    try {
      const response = await this.http.request(
        { url: request.url, method: 'POST', headers: request.headers, body: request.body },
        signal,
      );
      const error = classifyTwilioError({ response });
      if (error) return { error };
      const sid = jsonBodyOf<{ sid?: unknown }>(response.body)?.sid;
      return { sid: typeof sid === 'string' ? sid : '' };
    } catch (error) {
      if (error instanceof DeliveryError) return { error };
      throw error;
    }
  }
}

/**
 * The delivery's verdict: none when every number got it. Otherwise the error of the number with
 * the best chance (rate limited, then retryable, then permanent), and with several numbers a
 * message naming which failed, which were not tried and which were sent.
 */
function failureOf(requests: TwilioRequest[], outcomes: Map<string, RecipientOutcome>): DeliveryError | null {
  const outcomeOf = (request: TwilioRequest) => outcomes.get(request.to);
  const failed = requests.flatMap((request) => {
    const outcome = outcomeOf(request);
    return outcome && 'error' in outcome ? [{ to: request.to, error: outcome.error }] : [];
  });
  // A number is left untried only after a failure that stopped the loop.
  if (failed.length === 0) return null;

  const rank = [DeliveryErrorCode.RateLimited, DeliveryErrorCode.Retryable, DeliveryErrorCode.Permanent];
  const [lead] = [...failed].sort((a, b) => rank.indexOf(a.error.code) - rank.indexOf(b.error.code));
  if (requests.length === 1) return lead.error;

  const numbers = (filter: (outcome: RecipientOutcome | undefined) => boolean) =>
    requests.filter((request) => filter(outcomeOf(request))).map((request) => request.to);
  const untried = numbers((outcome) => outcome === undefined);
  const sent = numbers((outcome) => outcome !== undefined && 'sid' in outcome);
  const parts = [
    `Twilio failed for ${failed.length} of ${requests.length} numbers (${failed
      .map(({ to, error }) => `${to}: ${error.message}`)
      .join('; ')})`,
    ...(untried.length > 0 ? [`not tried: ${untried.join(', ')}`] : []),
    ...(sent.length > 0 ? [`sent to ${sent.join(', ')}`] : []),
  ];
  return new DeliveryError(lead.error.code, parts.join('; '), {
    providerCode: lead.error.providerCode,
    retryAfterMs: lead.error.retryAfterMs,
  });
}

function sidOf(outcome: RecipientOutcome | undefined): string {
  return outcome && 'sid' in outcome ? outcome.sid : '';
}
