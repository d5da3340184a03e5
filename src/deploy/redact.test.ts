import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact.ts';

describe('createRedactor', () => {
  it('masks the AWS secrets of the environment, resolved ones, and passwords in URLs', () => {
    const redactor = createRedactor({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG', HOME: '/root' });
    redactor.add('session-token-from-web-identity', undefined, 'ab');
    const text = 'Credential=AKIAEXAMPLE/20261122 secret wJalrXUtnFEMI/K7MDENG token session-token-from-web-identity at http://user:hunter2@minio:9000 in /root, ab';
    expect(redactor.apply(text)).toBe('Credential=***/20261122 secret *** token *** at http://***@minio:9000 in /root, ab');
  });

  it('masks a password that holds an unencoded "@", up to the host', async () => {
    const { redactUrl } = await import('../util/redact-url.ts');
    expect(redactUrl('failed: https://u:p@ss@api.example:6443/version?x=a@b')).toBe('failed: https://***@api.example:6443/version?x=a@b');
  });
});
