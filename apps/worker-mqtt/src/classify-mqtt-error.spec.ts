import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { classifyMqttError } from './classify-mqtt-error.js';

/** What mqtt.js emits for a refused CONNACK or a failed PUBACK: `ErrorWithReasonCode`. */
function refused(message: string, code: number): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyMqttError', () => {
  it.each([
    [refused('Connection refused: Bad username or password', 4), '4'],
    [refused('Connection refused: Not authorized', 5), '5'],
    [refused('Connection refused: Identifier rejected', 2), '2'],
    [refused('Connection refused: Bad User Name or Password', 134), '134'],
    [refused('Connection refused: Not authorized', 135), '135'],
    [refused('Connection refused: Banned', 138), '138'],
    [refused('Publish error: Topic Name invalid', 144), '144'],
  ])('gives up on %s', (error, providerCode) => {
    const classified = classifyMqttError(error);

    expect(classified.code).toBe(DeliveryErrorCode.Permanent);
    expect(classified.providerCode).toBe(providerCode);
    expect(classified.message).toBe(`MQTT broker refused: ${error.message}`);
  });

  it.each([
    [refused('Connection refused: Server unavailable', 3), '3'],
    [refused('Connection refused: Server busy', 137), '137'],
    [refused('Connection refused: Server shutting down', 139), '139'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1883'), { code: 'ECONNREFUSED' }),
      'ECONNREFUSED',
    ],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [new Error('connack timeout'), undefined],
    [new Error('the MQTT broker closed the connection'), undefined],
  ])('retries after %s', (error, providerCode) => {
    const classified = classifyMqttError(error);

    expect(classified.code).toBe(DeliveryErrorCode.Retryable);
    expect(classified.providerCode).toBe(providerCode);
  });

  it.each([
    [refused('Publish error: Quota exceeded', 151), '151'],
    [refused('Connection refused: Connection rate exceeded', 159), '159'],
  ])('slows down on %s', (error, providerCode) => {
    const classified = classifyMqttError(error);

    expect(classified.code).toBe(DeliveryErrorCode.RateLimited);
    expect(classified.providerCode).toBe(providerCode);
    expect(classified.retryAfterMs).toBe(1000);
  });

  it('keeps a DeliveryError as it is', () => {
    const timeout = DeliveryError.retryable('dispatch timeout');

    expect(classifyMqttError(timeout)).toBe(timeout);
  });
});
