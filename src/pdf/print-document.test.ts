import { describe, expect, it } from 'vitest';
import { cssString, renderBanner, renderPrintShell, runbookPagesCss } from './print-document.ts';

describe('cssString', () => {
  it('escapes quotes, backslashes, line breaks and "<", so a title cannot leave its string or its <style>', () => {
    expect(cssString('a "b" \\ c\n</style>')).toBe('"a \\22 b\\22  \\5c  c\\a \\3c /style>"');
  });
});

describe('runbookPagesCss', () => {
  it('gives every runbook a named page with its title, service and tier in the running header', () => {
    expect(runbookPagesCss([{ pageName: 'lb-runbook-1', title: 'Fail "over"', service: 'edge', tier: 0 }])).toBe(
      '@page lb-runbook-1 { @top-left { content: "Fail \\22 over\\22 "; } @top-right { content: "edge · Tier 0 · critical"; } }',
    );
  });
});

describe('renderBanner', () => {
  it('prints the address and a QR code when the site has a public address', () => {
    const html = renderBanner({ url: 'https://x.example/runbooks/a/?q=<b>', path: '/runbooks/a/' });
    expect(html).toContain('<strong class="lb-print-url">https://x.example/runbooks/a/?q=&lt;b&gt;</strong>');
    expect(html).toMatch(/<figure class="lb-print-qr"[^>]*><svg [^>]*viewBox=/);
  });

  it('prints the path and says why there is no QR code otherwise', () => {
    const html = renderBanner({ path: '/runbooks/a/' });
    expect(html).toContain('built without a public address, so no QR code');
    expect(html).not.toContain('<svg');
  });
});

describe('renderPrintShell', () => {
  it('loads the stylesheets in order and keeps the CSS inside its <style>', () => {
    const html = renderPrintShell({ title: 'T & co', stylesheets: ['/a.css', '/b.css'], css: 'p{}</style><script>', body: '<p>x</p>' });
    expect(html).toContain('<title>T &amp; co</title><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css"><style>p{}<\\/style><script></style>');
  });
});
