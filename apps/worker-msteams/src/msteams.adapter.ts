import { ChannelName, type MsTeamsConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  HttpSender,
  type HttpSenderOptions,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildMsTeamsPayload } from './build-msteams-payload.js';
import { classifyMsTeamsError } from './classify-msteams-error.js';

/** Posts an Adaptive Card to the notifier's Teams Workflows webhook. */
export class MsTeamsAdapter implements ChannelAdapter {
  readonly channel = ChannelName.MsTeams;
  private readonly http: HttpSender;

  constructor(options: HttpSenderOptions = {}) {
    this.http = new HttpSender(options);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<MsTeamsConfigDto>(ChannelName.MsTeams, notifier);
    const { url, body } = buildMsTeamsPayload(delivery, config);
    const response = await this.http.postJson(url, body, signal);
    const failure = classifyMsTeamsError({ response });
    if (failure) throw failure;
    return { providerCode: String(response.status) };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await this.http.close();
  }
}
