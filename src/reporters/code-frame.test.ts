import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from './code-frame.ts';

const source = ['one: 1', 'two: 2', 'three: 3', 'four: 4'].join('\n');

describe('formatCodeFrame', () => {
  it('shows two lines above the marked line and a caret under the column', () => {
    expect(formatCodeFrame(source, 3, 8)).toMatchInlineSnapshot(`
      "  1 | one: 1
        2 | two: 2
      > 3 | three: 3
          |        ^"
    `);
  });

  it('shows no lines above the first line', () => {
    expect(formatCodeFrame(source, 1, 1)).toMatchInlineSnapshot(`
      "> 1 | one: 1
          | ^"
    `);
  });

  it('frames the last line of a file without a final newline', () => {
    expect(formatCodeFrame(source, 4, 7)).toMatchInlineSnapshot(`
      "  2 | two: 2
        3 | three: 3
      > 4 | four: 4
          |       ^"
    `);
  });

  it('frames the empty line after a final newline, and nothing past it', () => {
    expect(formatCodeFrame('a: 1\n', 2, 1)).toBe('  1 | a: 1\n> 2 |\n    | ^');
    expect(formatCodeFrame('a: 1\n', 3, 1)).toBeUndefined();
    expect(formatCodeFrame(source, 0, 1)).toBeUndefined();
  });

  it('keeps tabs before the caret so it lines up under any tab width', () => {
    expect(formatCodeFrame('run: |\n\techo\t"$NS"', 2, 7)).toBe('  1 | run: |\n> 2 | \techo\t"$NS"\n    | \t    \t^');
  });

  it('puts the caret just after the end of the line when the column is past it', () => {
    expect(formatCodeFrame('ab\ncd', 1, 40)).toBe('> 1 | ab\n    |   ^');
  });

  it('puts the caret at the first column when the column is zero or missing', () => {
    expect(formatCodeFrame('ab', 1, 0)).toBe('> 1 | ab\n    | ^');
    expect(formatCodeFrame('ab', 1, Number.NaN)).toBe('> 1 | ab\n    | ^');
  });

  it('widens the gutter for every line when the marked line number has more digits', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line${i + 1}`).join('\n');
    expect(formatCodeFrame(lines, 10, 2)).toBe('   8 | line8\n   9 | line9\n> 10 | line10\n     |  ^');
  });

  it('drops the carriage return at the end of CRLF lines', () => {
    expect(formatCodeFrame('a: 1\r\nb: 2\r\n', 2, 4)).toBe('  1 | a: 1\n> 2 | b: 2\n    |    ^');
  });

  it('colours the marker and the caret only when asked', () => {
    const coloured = formatCodeFrame(source, 2, 1, { color: true })!;
    expect(coloured).toContain('\u001b[31m>\u001b[39m');
    expect(coloured).not.toBe(stripVTControlCharacters(coloured));
    expect(stripVTControlCharacters(coloured)).toBe(formatCodeFrame(source, 2, 1));
  });

  it('shows a window of a very long line around the column, and the start of the lines above', () => {
    const frame = formatCodeFrame(`a: 1\nx: ${'['.repeat(10_000)}`, 2, 5_000)!;
    const [above, marked, caret] = frame.split('\n');
    expect(above).toBe('  1 | a: 1');
    expect(marked).toBe(`> 2 | …${'['.repeat(120)}…`);
    expect(caret!.indexOf('^') - 6).toBe(marked!.indexOf('…') - 6 + 1 + 60);
    expect(frame.length).toBeLessThan(400);
  });

  it('shows control characters as their pictures, never raw', () => {
    expect(formatCodeFrame('title: a\u0000b\u001b', 1, 9)).toBe('> 1 | title: a\u2400b\u241b\n    |         ^');
  });
});
