import { checkTarget, isPrivateAddress, targetShapeProblem } from './webhook-targets';
import { retryDelayMs, signatureHeader, verifySignature } from './webhook-signing';

describe('webhook targets (SSRF guard)', () => {
  it('calls loopback, private, link-local, shared and mapped addresses private', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(address)).toBe(true);
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPrivateAddress(address)).toBe(false);
  });

  it('wants https without credentials unless private targets are allowed', () => {
    expect(targetShapeProblem('http://example.org/hook', false)).toBe('must be an https:// URL');
    expect(targetShapeProblem('https://user:pw@example.org/hook', false)).toBe('must not carry a user name or password');
    expect(targetShapeProblem('https://example.org/hook', false)).toBeNull();
    expect(targetShapeProblem('http://127.0.0.1:9/hook', true)).toBeNull();
  });

  it('refuses a literal private address and localhost, and accepts them when allowed', async () => {
    await expect(checkTarget('https://10.0.0.5/hook', false)).rejects.toThrow('private or reserved');
    await expect(checkTarget('https://[::1]/hook', false)).rejects.toThrow('private or reserved');
    await expect(checkTarget('https://localhost/hook', false)).rejects.toThrow('private or reserved');
    await expect(checkTarget('http://127.0.0.1:8080/hook', true)).resolves.toMatchObject({ address: '127.0.0.1', family: 4 });
  });
});

describe('webhook signing', () => {
  it('verifies its own signature within the tolerance and nothing else', () => {
    const body = '{"id":"1"}';
    const header = signatureHeader('whsec_x', 1_700_000_000, body);
    expect(verifySignature('whsec_x', header, body, 1_700_000_100)).toBe(true);
    expect(verifySignature('whsec_x', header, body, 1_700_001_000)).toBe(false);
    expect(verifySignature('whsec_y', header, body, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_x', header, `${body} `, 1_700_000_000)).toBe(false);
  });

  it('doubles the retry delay per attempt up to six hours', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 30_000)).toBe(6 * 3600_000);
  });
});
