/**
 * The frontmatter fields of an imported runbook, from the page (title heading, front matter, the
 * folder it sits in) and the run's settings. Front matter keys Lifeboat has no place for (Hugo's
 * `weight`, `bookCollapseSection`) are reported, not silently ignored.
 */
import { RunbookSchema, type RunbookData } from '../schema/runbook.ts';
import { BUILT_IN_DEFAULTS, type DefaultedField, type ImportSettings } from './import-defaults.ts';
import { dateField, stringField, stringListField } from './front-matter.ts';
import { serviceFromPath, slugFromName, summarize, titleFromName } from './page-identity.ts';

/** The runbook fields an import writes (the steps come from the body). */
export type RunbookFields = Pick<RunbookData, 'id' | 'title' | 'service' | 'tier' | 'owners' | 'escalation' | 'lastReviewed' | 'rto' | 'rpo'> &
  Partial<Pick<RunbookData, 'summary' | 'tags' | 'clusters'>>;

/** Front matter keys the importer reads. */
const USED_KEYS = new Set(['title', 'description', 'summary', 'service', 'tags', 'keywords', 'owners', 'owner', 'team', 'tier', 'rto', 'rpo', 'escalation', 'lastReviewed', 'last_reviewed', 'lastmod', 'reviewed']);

/** What the fields are derived from. */
export interface PageFacts {
  file: string;
  /** The folder given on the command line, for the service. */
  root: string;
  frontMatter: Record<string, unknown>;
  titleHeading?: string;
  /** First paragraph of the page's reading material. */
  intro?: string;
}

/** The service: `--service`, then front matter, then the defaults file, then the folder. */
export function deriveService(page: PageFacts, settings: ImportSettings): string {
  const fromPage = stringField(page.frontMatter, 'service');
  return slugFromName(settings.service ?? fromPage ?? settings.defaults.service ?? '') || serviceFromPath(page.file, page.root);
}

/** Every field, plus which required ones fell back to the built-in defaults and which keys went unused. */
export function deriveFields(page: PageFacts, id: string, service: string, settings: ImportSettings): { fields: RunbookFields; defaulted: DefaultedField[]; unusedKeys: string[] } {
  const fm = page.frontMatter;
  const defaulted: DefaultedField[] = [];
  /** A front matter value that passes the schema's rule for `field`, if there is one. */
  const valid = <K extends DefaultedField>(field: K, value: unknown): RunbookData[K] | undefined => {
    const parsed = RunbookSchema.shape[field].safeParse(value);
    return value !== undefined && parsed.success ? (parsed.data as RunbookData[K]) : undefined;
  };
  const pick = <K extends DefaultedField>(field: K, flag: RunbookData[K] | undefined, fromPage: unknown): RunbookData[K] => {
    const chosen = flag ?? valid(field, fromPage) ?? (settings.defaults[field] as RunbookData[K] | undefined);
    if (chosen !== undefined) return chosen;
    defaulted.push(field);
    return structuredClone(BUILT_IN_DEFAULTS[field]) as unknown as RunbookData[K];
  };
  const fmOwners = stringListField(fm, 'owners', 'owner', 'team');
  const hugoTemplate = (text: string | undefined) => (text && !text.includes('{{') ? text : undefined);
  const summary = stringField(fm, 'description', 'summary') ?? (page.intro ? summarize(page.intro) : undefined);
  const tags = [...new Set(['imported', ...(settings.defaults.tags ?? []), ...stringListField(fm, 'tags', 'keywords')])];
  const fields: RunbookFields = {
    id,
    title: page.titleHeading || hugoTemplate(stringField(fm, 'title')) || titleFromName(page.file),
    ...(summary ? { summary } : {}),
    service,
    tier: pick('tier', settings.tier, fm.tier),
    owners: pick('owners', settings.owners?.length ? settings.owners : undefined, fmOwners.length ? fmOwners : undefined),
    escalation: pick('escalation', undefined, fm.escalation),
    tags,
    lastReviewed: pick('lastReviewed', undefined, dateField(fm, 'lastReviewed', 'last_reviewed', 'reviewed', 'lastmod')),
    rto: pick('rto', undefined, fm.rto),
    rpo: pick('rpo', undefined, fm.rpo),
    ...(settings.defaults.clusters ? { clusters: settings.defaults.clusters } : {}),
  };
  return { fields, defaulted, unusedKeys: Object.keys(fm).filter((k) => !USED_KEYS.has(k)) };
}
