/**
 * `{{ name }}` placeholders in commands and text, filled in at build time so the on-call copies
 * a ready command. Values come from the runbook's `vars`, then the site's `vars`, then
 * `cluster.<role>` (the cluster name a role maps to).
 *
 * Go templates (`kubectl -o go-template='{{range .items}}…{{end}}'`, Helm) use the same braces,
 * so template actions are left alone: names starting with `.` or `$`, and Go's keywords.
 * `\{{` writes a literal `{{`.
 */
const PLACEHOLDER = /(\\?)\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const GO_TEMPLATE_WORDS = new Set(['end', 'else', 'range', 'if', 'with', 'template', 'define', 'block', 'break', 'continue', 'nil']);

export interface PlaceholderUse {
  name: string;
  /** Offset of `{{` in the text. */
  index: number;
}

/** Every placeholder in `text`, skipping escaped braces and Go template actions. */
export function findPlaceholders(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  // Most texts have no placeholder: a substring test spares them the regex walk (every string
  // of every runbook passes through here during a check).
  if (!text.includes('{{')) return uses;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1] || GO_TEMPLATE_WORDS.has(m[2]!)) continue;
    uses.push({ name: m[2]!, index: m.index! + m[1]!.length });
  }
  return uses;
}

/** How a placeholder resolves: a value, a known fact that is unavailable, or nothing at all. */
export type Resolution = { value: string } | { unavailable: string } | undefined;

/** Everything a runbook's placeholders can resolve against. */
export interface PlaceholderScope {
  resolve(name: string): Resolution;
  /** Plain names (vars and `cluster.<role>`), for did-you-mean hints. */
  names: string[];
}

/**
 * The scope of one runbook: its `vars`, then the site's `vars`, then `cluster.<role>` (the
 * cluster name a role maps to), then `facts.<role>.…` through `resolveFact`.
 */
export function placeholderScope(
  runbookVars: Readonly<Record<string, string>> | undefined,
  siteVars: Readonly<Record<string, string>>,
  clusters: Readonly<Record<string, string>>,
  resolveFact: (name: string) => Resolution = () => undefined,
): PlaceholderScope {
  const values: Record<string, string> = {};
  for (const [role, cluster] of Object.entries(clusters)) values[`cluster.${role}`] = cluster;
  Object.assign(values, siteVars, runbookVars);
  return {
    resolve: (name) => (Object.hasOwn(values, name) ? { value: values[name]! } : resolveFact(name)),
    names: Object.keys(values),
  };
}

/**
 * Fills placeholders. A fact that is known but unavailable becomes `unavailable(name)`, a
 * visible marker; an unknown name is left as written (validation reports it).
 */
export function fillPlaceholders(text: string, scope: PlaceholderScope, unavailable = (name: string) => `<unknown: ${name}>`): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, escape: string, name: string) => {
    if (escape) return whole.slice(1);
    if (GO_TEMPLATE_WORDS.has(name)) return whole;
    const resolution = scope.resolve(name);
    if (!resolution) return whole;
    return 'value' in resolution ? resolution.value : unavailable(name);
  });
}

/** A run of filled text: literal, or the value one placeholder filled in (`name`). */
export interface FilledPiece {
  text: string;
  /** The placeholder whose value this is; absent for literal text and unfilled placeholders. */
  name?: string;
}

/**
 * Fills placeholders like `fillPlaceholders`, keeping each filled-in value apart, so a page can
 * mark where a value came from (a fact, say) while the pieces still join to the exact text.
 */
export function fillPieces(text: string, scope: PlaceholderScope, unavailable = (name: string) => `<unknown: ${name}>`): FilledPiece[] {
  const pieces: FilledPiece[] = [];
  const literal = (t: string) => {
    if (!t) return;
    const last = pieces.at(-1);
    if (last && last.name === undefined) last.text += t;
    else pieces.push({ text: t });
  };
  let last = 0;
  if (text.includes('{{'))
    for (const m of text.matchAll(PLACEHOLDER)) {
      const [whole, escape, name] = m as unknown as [string, string, string];
      literal(text.slice(last, m.index));
      last = m.index! + whole.length;
      const resolution = escape || GO_TEMPLATE_WORDS.has(name) ? undefined : scope.resolve(name);
      if (escape) literal(whole.slice(1));
      else if (!resolution) literal(whole);
      else if ('value' in resolution) {
        if (resolution.value) pieces.push({ text: resolution.value, name });
      } else literal(unavailable(name));
    }
  literal(text.slice(last));
  return pieces;
}

/**
 * Fills placeholders and keeps a map back to the written text, so a problem found in the filled
 * command (a namespace that came from `{{ ns }}`) points at the placeholder in the source.
 */
export function fillWithSourceMap(text: string, scope: PlaceholderScope): { text: string; toSource(offset: number): number } {
  if (!text.includes('{{')) return { text, toSource: (offset) => offset };
  const pieces: { filledStart: number; filledEnd: number; sourceStart: number; sourceEnd: number }[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [whole, escape, name] = m as unknown as [string, string, string];
    const index = m.index!;
    let replacement = whole;
    if (escape) replacement = whole.slice(1);
    else if (!GO_TEMPLATE_WORDS.has(name)) {
      const resolution = scope.resolve(name);
      if (resolution) replacement = 'value' in resolution ? resolution.value : `<unknown: ${name}>`;
    }
    out += text.slice(last, index);
    pieces.push({ filledStart: out.length, filledEnd: out.length + replacement.length, sourceStart: index, sourceEnd: index + whole.length });
    out += replacement;
    last = index + whole.length;
  }
  out += text.slice(last);
  return {
    text: out,
    toSource(offset) {
      let shift = 0;
      for (const p of pieces) {
        if (offset < p.filledStart) break;
        if (offset < p.filledEnd) return p.sourceStart;
        shift = p.sourceEnd - p.filledEnd;
      }
      return offset + shift;
    },
  };
}
