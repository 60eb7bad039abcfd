import { basicPassword } from './basic-credentials.js';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;

describe('basicPassword', () => {
  it('takes the password whatever the username, colons in the password included', () => {
    expect(basicPassword(basic('admin:s3cret'))).toBe('s3cret');
    expect(basicPassword(basic(':s3cret'))).toBe('s3cret');
    expect(basicPassword(basic('ops:a:b:c'))).toBe('a:b:c');
    expect(basicPassword(`basic ${Buffer.from('x:key').toString('base64')}`)).toBe('key');
  });

  it.each([
    [undefined],
    [''],
    ['Bearer abc'],
    ['Basic'],
    ['Basic not base64!'],
    [basic('no-colon')],
    [basic('admin:')],
  ])('finds no password in %j', (authorization) => {
    expect(basicPassword(authorization)).toBeNull();
  });
});
