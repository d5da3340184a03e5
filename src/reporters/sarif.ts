/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run; its rules are the whole
 * catalogue (so viewers can show any rule's help), then any code an issue uses that the catalogue
 * does not know. Valid against the official OASIS schema (see `sarif.test.ts`).
 */
import { formatPath, type Issue } from '../errors/issue.ts';
import { catalogueCodes, describeCode, docsFor } from './catalogue.ts';
import { fileUri, type ReportContext, type Reporter } from './reporter.ts';
import { compareText } from '../util/compare-text.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning';

/** The part of a SARIF `reportingDescriptor` Lifeboat fills. */
export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
}

/** The SARIF report, for `--format sarif`. */
export const sarifReporter: Reporter = (issues, context) => ({ stdout: `${JSON.stringify(buildSarifLog(issues, context), null, 2)}\n` });

/** The SARIF log as an object. */
export function buildSarifLog(issues: readonly Issue[], context: ReportContext) {
  const rules = buildRules(issues, context.site);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const site = context.site && URL.canParse(context.site) ? context.site.replace(/\/+$/, '') : undefined;
  const repositoryUri = context.repositoryUrl && URL.canParse(context.repositoryUrl) ? context.repositoryUrl : undefined;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'Lifeboat',
            version: context.toolVersion,
            // The error index of the published site documents every rule.
            ...(site ? { informationUri: `${site}/errors/` } : {}),
            rules,
          },
        },
        ...(repositoryUri && context.commitSha ? { versionControlProvenance: [{ repositoryUri, revisionId: context.commitSha }] } : {}),
        // Columns are JavaScript string offsets.
        columnKind: 'utf16CodeUnits' as const,
        results: issues.map((issue) => buildResult(issue, ruleIndex.get(issue.code)!)),
      },
    ],
  };
}

/** The catalogue's codes in catalogue order, then codes only the issues know, sorted. */
export function buildRules(issues: readonly Issue[], site: string | undefined): SarifRule[] {
  const rules = catalogueCodes().map((code) => {
    const info = describeCode(code)!;
    const helpUri = docsFor(code, site);
    return {
      id: code,
      shortDescription: { text: info.title },
      fullDescription: { text: info.description },
      help: { text: info.fix },
      ...(helpUri && URL.canParse(helpUri) ? { helpUri } : {}),
      defaultConfiguration: { level: info.severity },
    };
  });
  const unknown = new Map<string, Level>();
  for (const issue of issues) if (!describeCode(issue.code) && !unknown.has(issue.code)) unknown.set(issue.code, issue.severity);
  const extra = [...unknown].sort(([a], [b]) => compareText(a, b));
  return [...rules, ...extra.map(([id, level]) => ({ id, shortDescription: { text: id }, defaultConfiguration: { level } }))];
}

function buildResult(issue: Issue, ruleIndex: number) {
  const region = issue.position.type === 'source' ? { region: { startLine: issue.position.line, startColumn: issue.position.column } } : {};
  const path = formatPath(issue.path);
  return {
    ruleId: issue.code,
    ruleIndex,
    level: issue.severity,
    message: { text: issue.hint ? `${issue.message}\n${issue.hint}` : issue.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: fileUri(issue.file), uriBaseId: '%SRCROOT%' }, ...region },
        ...(path ? { logicalLocations: [{ fullyQualifiedName: path }] } : {}),
      },
    ],
  };
}
