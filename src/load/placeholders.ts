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
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1] || GO_TEMPLATE_WORDS.has(m[2]!)) continue;
    uses.push({ name: m[2]!, index: m.index! + m[1]!.length });
  }
  return uses;
}

/** Fills placeholders from `values`; unknown names are left as written (validation reports them). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, escape: string, name: string) => {
    if (escape) return whole.slice(1);
    if (GO_TEMPLATE_WORDS.has(name)) return whole;
    return Object.hasOwn(values, name) ? values[name]! : whole;
  });
}

/** The values a runbook's placeholders resolve against, most specific last. */
export function placeholderValues(
  runbookVars: Readonly<Record<string, string>> | undefined,
  siteVars: Readonly<Record<string, string>>,
  clusters: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [role, cluster] of Object.entries(clusters)) values[`cluster.${role}`] = cluster;
  return { ...values, ...siteVars, ...runbookVars };
}
