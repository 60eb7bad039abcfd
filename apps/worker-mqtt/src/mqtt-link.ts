import { randomBytes } from 'node:crypto';
import type { MqttConfigDto } from '@herald/contracts';
import { connect, type MqttClient } from 'mqtt';
import type { MqttPublish } from './build-mqtt-payload.js';

/**
 * One connected MQTT client, shared by every delivery to the same broker with the same
 * credentials. It never reconnects by itself: once closed, the adapter connects anew.
 */
export class MqttLink {
  private readonly closed: Promise<never>;

  private constructor(
    private readonly client: MqttClient,
    onClose: () => void,
  ) {
    this.closed = new Promise<never>((_resolve, reject) => {
      client.once('close', () => {
        onClose();
        reject(new Error('the MQTT broker closed the connection'));
      });
    });
    // Only ever rejected by a close, which each publish in flight reports on its own.
    this.closed.catch(() => undefined);
  }

  /** Resolves on CONNACK success; rejects with the refusal (a numeric `code`) or the socket error. */
  static open(config: MqttConfigDto, connectTimeoutMs: number, onClose: () => void): Promise<MqttLink> {
    const client = connect(config.brokerUrl, {
      clientId: config.clientId ?? `herald-${randomBytes(6).toString('hex')}`,
      username: config.username,
      password: config.password,
      rejectUnauthorized: !config.tlsSkipVerify,
      connectTimeout: connectTimeoutMs,
      reconnectPeriod: 0,
      clean: true,
    });
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) => {
        settle();
        client.end(true);
        reject(error);
      };
      const closedEarly = () => fail(new Error('the MQTT broker closed the connection before CONNACK'));
      const connected = () => {
        settle();
        resolve(new MqttLink(client, onClose));
      };
      const settle = () => {
        client.off('error', fail);
        client.off('close', closedEarly);
        client.off('connect', connected);
      };
      client.once('error', fail);
      client.once('close', closedEarly);
      client.once('connect', connected);
    });
  }

  /** Resolves once the broker has the message: PUBACK for QoS 1, PUBCOMP for 2, written for 0. */
  async publish({ topic, payload, options }: MqttPublish): Promise<void> {
    // A QoS 1 message waits in mqtt.js's store for a reconnect that never comes: the close ends it.
    await Promise.race([this.client.publishAsync(topic, payload, options), this.closed]);
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
