import { describe, expect, it } from 'vitest';
import { keyFor, parseTarget, pathFor } from './s3-target.ts';

const target = (text: string, defaults = {}) => {
  const parsed = parseTarget(text, defaults);
  return 'target' in parsed ? parsed.target : parsed.issue.message;
};

describe('parseTarget', () => {
  it('reads a bucket, an optional prefix, and per-target settings', () => {
    expect(target('s3://runbooks')).toEqual({ label: 's3://runbooks', bucket: 'runbooks', prefix: '' });
    expect(target('s3://runbooks/dr/site/', { region: 'eu-west-1' })).toEqual({ label: 's3://runbooks/dr/site', bucket: 'runbooks', prefix: 'dr/site', region: 'eu-west-1' });
    expect(target('s3://mirror?endpoint=https://acct.r2.cloudflarestorage.com&region=auto&profile=r2', { endpoint: 'http://ignored', region: 'eu-west-1' })).toEqual({
      label: 's3://mirror',
      bucket: 'mirror',
      prefix: '',
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      region: 'auto',
      profile: 'r2',
    });
  });

  it('explains what is wrong with a target it cannot use', () => {
    expect(target('https://runbooks.example.com')).toBe('The deploy target "https://runbooks.example.com" cannot be used: it starts with "https://", not "s3://".');
    expect(target('runbooks')).toBe('The deploy target "runbooks" cannot be used: it is not a URL.');
    expect(target('s3://Run_Books')).toContain('"Run_Books" is not a valid bucket name');
    expect(target('s3://runbooks?acl=public')).toContain('"acl" is not a target setting (use endpoint, region, profile)');
    expect(target('s3://runbooks?endpoint=ftp://u:pw@host')).toBe('The deploy target "s3://runbooks?endpoint=ftp://***@host" cannot be used: the endpoint "ftp://***@host" is not an http(s) URL.');
  });
});

describe('keyFor and pathFor', () => {
  it('map build paths to keys under the prefix and back', () => {
    expect(keyFor({ prefix: '' }, '/runbooks/a/index.html')).toBe('runbooks/a/index.html');
    expect(keyFor({ prefix: 'dr/site' }, '/index.html')).toBe('dr/site/index.html');
    expect(pathFor({ prefix: 'dr/site' }, 'dr/site/index.html')).toBe('/index.html');
    expect(pathFor({ prefix: 'dr/site' }, 'dr/site-old/index.html')).toBeUndefined();
    expect(pathFor({ prefix: '' }, '_lifeboat/builds/x.json')).toBe('/_lifeboat/builds/x.json');
  });
});
