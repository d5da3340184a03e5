import { describe, expect, it } from 'vitest';
import { wrapWords } from './keep-words-whole.ts';

const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

describe('wrapWords', () => {
  it('wraps each word that could break inside, and leaves spaces, plain words and single characters alone', () => {
    expect(wrapWords('velero backup get --selector velero.io/schedule-name=x | sort -k5 \\\n')).toBe(
      'velero backup get <span class="lb-word">--selector</span> <span class="lb-word">velero.io/schedule-name=x</span> | sort <span class="lb-word">-k5</span> \\\n',
    );
  });

  it('keeps a marked value inside its word, whole, even with a space in it', () => {
    const mark = '<mark class="lb-fact" tabindex="0" aria-describedby="cmd-1-facts">a-b c</mark>';
    expect(wrapWords(`BACKUP=${mark} next`)).toBe(`<span class="lb-word">BACKUP=${mark}</span> next`);
  });

  it('counts an escaped character as one, and never changes the text', () => {
    const html = 'echo &amp; a&lt;b &quot;x y&quot;';
    expect(wrapWords(html)).toBe('echo &amp; <span class="lb-word">a&lt;b</span> <span class="lb-word">&quot;x</span> <span class="lb-word">y&quot;</span>');
    expect(textOf(wrapWords(html))).toBe(html);
  });
});
