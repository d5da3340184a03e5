import { describe, expect, it } from 'vitest';
import { fillPieces, fillPlaceholders, fillWithSourceMap, findPlaceholders, placeholderScope } from './placeholders.ts';

describe('placeholders', () => {
  const facts = (name: string) =>
    name === 'facts.dr.context' ? { value: 'dr-context' } : name === 'facts.dr.lastBackup.x' ? { unavailable: 'backups are forbidden' } : undefined;
  const values = placeholderScope({ ns: 'payments' }, { ns: 'site-default', region: 'eu' }, { dr: 'dr-euc1' }, facts);

  it('prefers runbook vars over site vars and exposes cluster.<role>', () => {
    expect(values.names.sort()).toEqual(['cluster.dr', 'ns', 'region']);
    expect(values.resolve('ns')).toEqual({ value: 'payments' });
    expect(values.resolve('cluster.dr')).toEqual({ value: 'dr-euc1' });
  });

  it('fills facts, and marks a fact that is known but unavailable', () => {
    expect(fillPlaceholders('--context {{ facts.dr.context }} --from-backup {{ facts.dr.lastBackup.x }}', values)).toBe(
      '--context dr-context --from-backup <unknown: facts.dr.lastBackup.x>',
    );
  });

  it('fills names with or without spaces inside the braces', () => {
    expect(fillPlaceholders('kubectl --context {{cluster.dr}} -n {{ ns }} get pods', values)).toBe(
      'kubectl --context dr-euc1 -n payments get pods',
    );
  });

  it('leaves Go template actions and escaped braces alone', () => {
    const template = `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`;
    expect(findPlaceholders(template)).toEqual([]);
    expect(fillPlaceholders(template, values)).toBe(template);
    expect(fillPlaceholders('helm template \\{{ ns }}', values)).toBe('helm template {{ ns }}');
    expect(findPlaceholders('\\{{ ns }}')).toEqual([]);
  });

  it('finds unknown names with their offsets and leaves them unfilled', () => {
    expect(findPlaceholders('a {{ nope }} b {{ ns }}')).toEqual([
      { name: 'nope', index: 2 },
      { name: 'ns', index: 15 },
    ]);
    expect(fillPlaceholders('a {{ nope }}', values)).toBe('a {{ nope }}');
  });

  it('maps offsets in the filled text back to the written text', () => {
    const source = 'kubectl --context {{ cluster.dr }} -n {{ ns }} get pods -l app=x';
    const filled = fillWithSourceMap(source, values);
    expect(filled.text).toBe('kubectl --context dr-euc1 -n payments get pods -l app=x');
    // Inside a filled value: the placeholder's start.
    expect(filled.toSource(filled.text.indexOf('payments'))).toBe(source.indexOf('{{ ns }}'));
    // After it: shifted by the length difference.
    expect(filled.toSource(filled.text.indexOf('app=x'))).toBe(source.indexOf('app=x'));
    expect(filled.toSource(3)).toBe(3);
  });
});

describe('fillPieces', () => {
  const values = placeholderScope({ ns: 'payments' }, {}, { dr: 'dr-euc1' }, (name) =>
    name === 'facts.dr.context' ? { value: 'dr-context' } : name === 'facts.dr.lastBackup.x' ? { unavailable: 'forbidden' } : undefined,
  );
  const texts = [
    'kubectl --context {{ facts.dr.context }} -n {{ns}} get pods',
    "go-template='{{range .items}}{{.metadata.name}}{{end}}' \\{{ ns }} {{ nope }}",
    '{{ facts.dr.lastBackup.x }}{{ facts.dr.context }}{{ ns }}',
    'no placeholders',
    '',
  ];

  it('joins to exactly what fillPlaceholders fills', () => {
    for (const text of texts) expect(fillPieces(text, values).map((p) => p.text).join(''), text).toBe(fillPlaceholders(text, values));
  });

  it('keeps each filled-in value apart with the placeholder it came from, and merges the literal text around them', () => {
    expect(fillPieces(texts[0]!, values)).toEqual([
      { text: 'kubectl --context ' },
      { text: 'dr-context', name: 'facts.dr.context' },
      { text: ' -n ' },
      { text: 'payments', name: 'ns' },
      { text: ' get pods' },
    ]);
    // An unavailable fact is a visible marker, not a value; escaped and unknown ones stay literal.
    expect(fillPieces(texts[2]!, values)[0]).toEqual({ text: '<unknown: facts.dr.lastBackup.x>' });
    expect(fillPieces(texts[1]!, values)).toEqual([{ text: fillPlaceholders(texts[1]!, values) }]);
  });
});
