import { LogFormat, LogSettingsError, logSettingsFrom } from './log-settings.js';

describe('logSettingsFrom', () => {
  it('defaults to JSON at info', () => {
    expect(logSettingsFrom({})).toEqual({ format: LogFormat.Json, level: 'info' });
    expect(logSettingsFrom({ HERALD_LOG_FORMAT: '', HERALD_LOG_LEVEL: ' ' })).toEqual({
      format: LogFormat.Json,
      level: 'info',
    });
  });

  it('reads both variables, in any case', () => {
    expect(logSettingsFrom({ HERALD_LOG_FORMAT: 'Pretty', HERALD_LOG_LEVEL: 'DEBUG' })).toEqual({
      format: LogFormat.Pretty,
      level: 'debug',
    });
  });

  it('names every bad variable', () => {
    const read = () => logSettingsFrom({ HERALD_LOG_FORMAT: 'xml', HERALD_LOG_LEVEL: 'loud' });
    expect(read).toThrow(LogSettingsError);
    expect(read).toThrow(/HERALD_LOG_FORMAT must be one of json, pretty \(got "xml"\)/);
    expect(read).toThrow(/HERALD_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
