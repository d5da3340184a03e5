import { describe, expect, it } from 'vitest';
import { placeholderScope } from '../load/placeholders.ts';
import { commandHtml, factOrigins } from './command-html.ts';
import { commandLines } from './command-lines.ts';

const scope = placeholderScope({}, {}, { primary: 'prod' }, (name) => (name === 'facts.primary.lastBackup.h' ? { value: 'h-2026<&>"' } : undefined));
const times = { primary: { cluster: 'prod', collectedAt: '2026-11-20T06:07:00Z' } };
/** What a browser makes of the HTML as text: tags dropped, entities read. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('commandHtml', () => {
  const command = commandLines('BACKUP={{ facts.primary.lastBackup.h }}\n\necho "$BACKUP" <in >out && x \\\n  --y\n', scope, times);
  const html = commandHtml(command.lines, 'cmd-1-facts');

  it('reads as the command, byte for byte (what the copy button copies)', () => {
    expect(textOf(html)).toBe(command.run);
  });

  it('puts each real line, blank ones too, in its own element', () => {
    expect(html.match(/<span class="lb-line">/g)).toHaveLength(4);
    expect(html).toContain('<span class="lb-line">\n</span>');
  });

  it('marks the value from the facts, points it at the note saying where it came from, and escapes it', () => {
    expect(html).toContain(
      '<mark class="lb-fact" tabindex="0" aria-describedby="cmd-1-facts">h-2026&lt;&amp;&gt;&quot;</mark>',
    );
    expect(factOrigins(command.lines)).toEqual([{ cluster: 'prod', collectedAt: '2026-11-20T06:07:00Z' }]);
  });
});
