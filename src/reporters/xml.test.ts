import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, xmlTag } from './xml.ts';

describe('XML escaping', () => {
  it('escapes markup characters in text, and keeps quotes, tabs and newlines', () => {
    expect(escapeXmlText('<Step id="a"> & \'b\'\t\n]]>')).toBe('&lt;Step id="a"&gt; &amp; \'b\'\t\n]]&gt;');
  });

  it('keeps a carriage return in text as a reference, which parsers would otherwise drop', () => {
    expect(escapeXmlText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('escapes quotes, tabs and line breaks in attributes, which parsers would turn into spaces', () => {
    expect(escapeXmlAttribute('say "hi" & <go>\ttab\r\nnext')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;&#9;tab&#13;&#10;next');
  });

  it('shows characters XML 1.0 forbids as visible \\u escapes instead of writing them', () => {
    // NUL, BEL, ESC (from ANSI colours), U+FFFE, and unpaired surrogates of both kinds.
    const forbidden = 'a\u0000b\u0007c\u001b[31md\uFFFEe\uD800f\uDC00';
    expect(escapeXmlText(forbidden)).toBe('a\\u0000b\\u0007c\\u001B[31md\\uFFFEe\\uD800f\\uDC00');
    expect(escapeXmlAttribute(forbidden)).toBe(escapeXmlText(forbidden));
  });

  it('keeps characters outside the Basic Multilingual Plane, written as surrogate pairs', () => {
    expect(escapeXmlText('lifeboat 🛟 ok')).toBe('lifeboat 🛟 ok');
    expect(escapeXmlAttribute('🛟')).toBe('🛟');
  });

  it('writes tags with escaped attributes, leaving out undefined ones', () => {
    expect(xmlTag('testcase', { name: 'a "b"', line: 3, file: undefined })).toBe('<testcase name="a &quot;b&quot;" line="3">');
    expect(xmlTag('testcase', { name: 'x' }, true)).toBe('<testcase name="x" />');
  });
});
