import { describe, expect, it } from 'vitest';
import { findUnsafeMarkdown, plainInlineCode, renderInlineCode, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('keeps Markdown, allowed HTML, safe links and footnotes that still link', () => {
    const html = renderMarkdown('Use <kbd>Ctrl</kbd> **now**, see [docs](https://example.com) or [here](../x/).[^1]\n\n[^1]: Footnote.');
    expect(html).toContain('<kbd>Ctrl</kbd> <strong>now</strong>');
    expect(html).toContain('<a href="https://example.com">docs</a>');
    expect(html).toContain('<a href="../x/">here</a>');
    expect(html).toMatch(/href="#user-content-fn-1"[\s\S]*id="user-content-fn-1"/);
  });

  it('removes scripts, styles, frames, event handlers and javascript:/data: targets', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\n<iframe srcdoc="<script>alert(2)</script>"></iframe>\n\n' +
        '<details open ontoggle=alert(3)><summary>S</summary>x</details>\n\n[a](javascript:alert(4)) <a href="JaVaScRiPt:alert(5)">b</a> ![c](data:image/png;base64,AA)',
    );
    expect(html).not.toMatch(/script|style|iframe|ontoggle|alert|data:/i);
    expect(html).toContain('<details open><summary>S</summary>x</details>');
  });

  it('passes everything through when raw HTML is allowed', () => {
    expect(renderMarkdown('<b onclick="x()">b</b>', { allowHtml: true })).toContain('onclick="x()"');
  });
});

describe('findUnsafeMarkdown', () => {
  it('finds what rendering removes, at its offset, and nothing that stays', () => {
    const text = 'Fine <b>bold</b> <!-- note --> [ok](https://a.example)\n\n<img src="x.png" onerror="steal()"> [bad](javascript:steal())';
    expect(findUnsafeMarkdown(text)).toEqual([
      { kind: 'html', offset: text.indexOf('<img'), fragment: '<img src="x.png" onerror="steal()">' },
      { kind: 'link', offset: text.indexOf('[bad]'), fragment: 'javascript:steal()' },
    ]);
  });
});

describe('renderInlineCode', () => {
  it('renders code spans as <code> and escapes everything else, inside and outside them', () => {
    expect(renderInlineCode('Does `kubectl get pods` show <b>Running</b> & "ready"?')).toBe(
      'Does <code>kubectl get pods</code> show &lt;b&gt;Running&lt;/b&gt; &amp; &quot;ready&quot;?',
    );
    expect(renderInlineCode('Run `<script>alert(1)</script>` then `a && b`')).toBe('Run <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> then <code>a &amp;&amp; b</code>');
  });

  it('follows CommonMark for backtick runs: matching lengths, inner backticks, padding, unclosed runs', () => {
    expect(renderInlineCode('``a ` b``')).toBe('<code>a ` b</code>');
    expect(renderInlineCode('`` `x` ``')).toBe('<code>`x`</code>');
    expect(renderInlineCode('```a`` and `b')).toBe('```a`` and `b');
    expect(renderInlineCode('no code, *no* emphasis')).toBe('no code, *no* emphasis');
  });

  it('gives the plain text for places without markup', () => {
    expect(plainInlineCode('Does `kubectl describe pod` show it?')).toBe('Does kubectl describe pod show it?');
  });
});
