import { DevboxEnv } from './devbox-env.js';

describe('DevboxEnv', () => {
  it('defaults to the catcher ports, the local API and the dev admin key', () => {
    expect(DevboxEnv.from({})).toEqual({
      host: '127.0.0.1',
      smtpPort: 1025,
      httpPort: 1080,
      apiUrl: 'http://127.0.0.1:3000',
      adminKey: 'dev-admin-key',
      seed: true,
      catcherHost: null,
    });
  });

  it('names the catcher by HERALD_DEVBOX_CATCHER_HOST for the seeded notifiers (docker compose)', () => {
    expect(DevboxEnv.from({ HERALD_DEVBOX_CATCHER_HOST: 'devbox' }).catcherHost).toBe('devbox');
  });

  it("follows the API's PORT unless HERALD_DEVBOX_API_URL says otherwise; empty means unset", () => {
    expect(DevboxEnv.from({ PORT: '4000', HERALD_ADMIN_KEY: '' }).apiUrl).toBe('http://127.0.0.1:4000');
    expect(DevboxEnv.from({ PORT: '4000', HERALD_DEVBOX_API_URL: 'http://api.local:81/' }).apiUrl).toBe(
      'http://api.local:81',
    );
    expect(DevboxEnv.from({ HERALD_ADMIN_KEY: '' }).adminKey).toBe('dev-admin-key');
  });

  it('names every bad variable at once', () => {
    expect(() =>
      DevboxEnv.from({
        HERALD_DEVBOX_SMTP_PORT: 'smtp',
        HERALD_DEVBOX_HTTP_PORT: '70000',
        HERALD_DEVBOX_SEED: 'yes',
      }),
    ).toThrow(
      'Invalid devbox environment: HERALD_DEVBOX_SMTP_PORT must be a port (0-65535), got "smtp"; ' +
        'HERALD_DEVBOX_HTTP_PORT must be a port (0-65535), got "70000"; HERALD_DEVBOX_SEED must be true or false, got "yes"',
    );
  });
});
