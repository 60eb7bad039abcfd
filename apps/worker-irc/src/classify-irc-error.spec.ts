import { DeliveryErrorCode } from '@herald/worker-kit';
import { classifyIrcError } from './classify-irc-error.js';
import { parseIrcMessage } from './irc-message.js';

function classified(line: string) {
  const reply = parseIrcMessage(line);
  if (!reply) throw new Error(`unparsable: ${line}`);
  return classifyIrcError({ reply });
}

describe('classifyIrcError', () => {
  it.each([
    [':irc.libera.chat 464 * :Password incorrect', '464'],
    [':irc.libera.chat 465 herald :You are banned from this server', '465'],
    [':irc.libera.chat 432 * 9bad :Erroneous Nickname', '432'],
    [':irc.libera.chat 904 herald :SASL authentication failed', '904'],
    [':irc.libera.chat 902 herald :You must use a nick assigned to you', '902'],
    [':irc.libera.chat CAP * NAK :sasl', 'CAP NAK'],
    ['ERROR :Access denied: Bad password?', 'ERROR'],
    ['ERROR :Closing Link: 203.0.113.7 (K-Lined)', 'ERROR'],
  ])('%s is permanent', (line, providerCode) => {
    const error = classified(line);
    expect(error?.code).toBe(DeliveryErrorCode.Permanent);
    expect(error?.providerCode).toBe(providerCode);
  });

  it.each([
    [':irc.libera.chat 433 * herald :Nickname is already in use', '433'],
    [':irc.libera.chat 437 * herald :Nick/channel is temporarily unavailable', '437'],
    [':irc.libera.chat 906 herald :SASL authentication aborted', '906'],
    ['ERROR :Closing Link: 203.0.113.7 (Throttled: Reconnecting too fast)', 'ERROR'],
    ['ERROR :Closing Link: herald[203.0.113.7] (Ping timeout: 240 seconds)', 'ERROR'],
  ])('%s is retryable', (line, providerCode) => {
    const error = classified(line);
    expect(error?.code).toBe(DeliveryErrorCode.Retryable);
    expect(error?.providerCode).toBe(providerCode);
  });

  it.each([
    ':irc.libera.chat 401 herald nobody :No such nick/channel',
    ':irc.libera.chat 403 herald #gone :No such channel',
    ':irc.libera.chat 404 herald #moderated :Cannot send to nick/channel',
    ':irc.libera.chat 473 herald #private :Cannot join channel (+i) - you must be invited',
    ':irc.libera.chat 474 herald #ops :Cannot join channel (+b) - you are banned',
    ':irc.libera.chat 475 herald #locked :Cannot join channel (+k) - bad key',
    ':irc.libera.chat 477 herald #reg :Cannot join channel (+r) - you need to be logged into your NickServ account',
    ':irc.libera.chat 421 herald FOO :Unknown command',
    ':irc.libera.chat NOTICE * :*** Looking up your hostname...',
  ])('%s does not fail the delivery', (line) => {
    expect(classified(line)).toBeNull();
  });

  it.each([
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6667'), { code: 'ECONNREFUSED' }),
      'ECONNREFUSED',
    ],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [Object.assign(new Error('connect ETIMEDOUT irc:6697'), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    [
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ],
    [new Error('the IRC server closed the connection'), undefined],
  ])('retries after the socket error %p', (error, providerCode) => {
    const classifiedError = classifyIrcError({ error });
    expect(classifiedError?.code).toBe(DeliveryErrorCode.Retryable);
    expect(classifiedError?.providerCode).toBe(providerCode);
  });
});
