/**
 * References in a manifest fed to kubectl on stdin (`kubectl apply -f - <<'EOF'`). A line scan,
 * not a YAML parser: the body may hold `{{ placeholders }}` or `$VARS` that make it invalid YAML
 * until run time, and the scan must still find the names that are written out.
 */
import type { CommandReference, ReferenceKind, ReferencingCommand } from './command-reference.ts';
import type { Heredoc } from './shell-syntax.ts';
import { isStaticName } from './static-value.ts';

/** `key: value` on one line, optionally as a list item or with a JSON-quoted key. */
const KEY_LINE = /^([ \t]*)(- +)?(["']?)([A-Za-z_][\w.-]*)\3[ \t]*:(?:[ \t]+(.*))?$/;

interface Found {
  kind: ReferenceKind;
  name: string;
  start: number;
  via: string;
}

/**
 * `storageClassName:` anywhere and a top-level `metadata.namespace` in each document. Names the
 * same manifest creates (a `kind: StorageClass` or `kind: Namespace` document) are not references.
 */
export function manifestReferences(heredoc: Heredoc, command: ReferencingCommand): CommandReference[] {
  const found: Found[] = [];
  const created = new Set<string>();
  let doc = { kind: '', name: '', inMetadata: false, metadataIndent: -1 };
  const endDocument = () => {
    if (doc.name && (doc.kind === 'StorageClass' || doc.kind === 'Namespace')) created.add(`${doc.kind}/${doc.name}`);
    doc = { kind: '', name: '', inMetadata: false, metadataIndent: -1 };
  };

  for (const line of heredoc.lines) {
    if (/^(---|\.\.\.)([ \t].*)?\r?$/.test(line.text)) endDocument();
    const m = KEY_LINE.exec(line.text.replace(/\r$/, ''));
    if (!m) continue;
    const indent = m[1]!.length + (m[2]?.length ?? 0);
    const key = m[4]!;
    const value = m[5] === undefined ? undefined : scalarAt(m[5], line.start + line.text.length - m[5].length - (line.text.endsWith('\r') ? 1 : 0));
    if (key === 'storageClassName' && value) found.push({ kind: 'StorageClass', ...value, via: 'storageClassName' });
    if (indent === 0) {
      if (key === 'kind' && value) doc.kind = value.name;
      doc.inMetadata = key === 'metadata' && !value;
    } else if (doc.inMetadata) {
      if (doc.metadataIndent < 0) doc.metadataIndent = indent;
      if (indent !== doc.metadataIndent || !value) continue;
      if (key === 'namespace') found.push({ kind: 'Namespace', ...value, via: 'metadata.namespace' });
      if (key === 'name') doc.name = value.name;
    }
  }
  endDocument();

  return found
    .filter((f) => !created.has(`${f.kind}/${f.name}`) && isStaticName(f.name))
    .map((f) => ({ kind: f.kind, name: f.name, start: f.start, end: f.start + f.name.length, via: f.via, command }));
}

/** A plain, 'single' or "double" quoted scalar at `offset`, without a trailing comment or JSON comma. */
function scalarAt(text: string, offset: number): { name: string; start: number } | undefined {
  const quote = text.charAt(0);
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    const name = close < 0 ? '' : text.slice(1, close);
    // Escapes would make the name differ from its source text; names never need them.
    return name && !name.includes('\\') && !name.includes("''") ? { name, start: offset + 1 } : undefined;
  }
  // indexOf/trimEnd rather than a trailing-whitespace regex, which is quadratic on long blank runs.
  const hash = text.search(/[ \t]#/);
  let name = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
  if (name.endsWith(',')) name = name.slice(0, -1).trimEnd();
  if (!name || name === '~' || name === 'null' || /^[|>&*!{[]/.test(name)) return undefined;
  return { name, start: offset };
}
