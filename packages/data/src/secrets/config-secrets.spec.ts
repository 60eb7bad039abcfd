import { randomBytes } from 'node:crypto';
import { needsReencryption, openConfig, sealConfig } from './config-secrets.js';
import { SecretBox, SecretDecryptionError } from './secret-box.js';

const box = SecretBox.fromKeys({ current: randomBytes(32).toString('hex') });
const WEBHOOK = {
  url: 'https://hooks.example.com/x',
  secret: 'hmac-key',
  bearerToken: 'tok',
  username: 'bot',
  password: null,
  headers: { 'X-Team': 'ops' },
};

describe('sealConfig / openConfig', () => {
  it("encrypts the channel's secret strings only, and opens them again", () => {
    const sealed = sealConfig('webhook', WEBHOOK, box);
    expect(sealed).toEqual({
      ...WEBHOOK,
      secret: expect.stringMatching(/^enc:v1:/),
      bearerToken: expect.stringMatching(/^enc:v1:/),
    });
    expect(JSON.stringify(sealed)).not.toMatch(/hmac-key|"tok"/);
    expect(openConfig('webhook', sealed, box, 'notifier "ops"')).toEqual(WEBHOOK);
  });

  it('treats every string of a channel this build does not know as a secret', () => {
    const sealed = sealConfig('carrier-pigeon', { loft: 'north', ring: 7 }, box);
    expect(sealed).toEqual({ loft: expect.stringMatching(/^enc:v1:/), ring: 7 });
    expect(openConfig('carrier-pigeon', sealed, box, 'notifier "p"')).toEqual({ loft: 'north', ring: 7 });
  });

  it('passes a secret stored before encryption through, and flags it for re-encryption', () => {
    const legacy = { host: 'smtp.example.com', password: 'plain' };
    expect(openConfig('email', legacy, box, 'notifier "smtp"')).toEqual(legacy);
    expect(needsReencryption('email', legacy, box)).toBe(true);
    expect(needsReencryption('email', sealConfig('email', legacy, box), box)).toBe(false);
    expect(needsReencryption('email', { host: 'smtp.example.com' }, box)).toBe(false);
  });

  it('names the notifier and the field, never the value, when a secret does not open', () => {
    const sealed = sealConfig('email', { password: 'p4ss' }, box);
    const stranger = SecretBox.fromKeys({ current: randomBytes(32).toString('hex') });
    let thrown: unknown;
    try {
      openConfig('email', sealed, stranger, 'notifier "smtp_main"');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SecretDecryptionError);
    expect((thrown as Error).message).toMatch(/^notifier "smtp_main": config\.password: encrypted with key/);
    expect((thrown as Error).message).not.toContain('p4ss');
  });
});
