/**
 * The benchmark's runbooks as data: runbook `i` is the same on every run and does not depend on
 * how many are generated, so the corpus at 100 is the first 100 of the corpus at 3,000.
 *
 * Two kinds, mixed as a real collection mixes them: about 40% are full DR procedures shaped like
 * runbooks/ (4.5–10 KB; 1–3 prechecks, 2–5 steps, 1–2 checks and often a rollback step, a
 * median of 8 steps and 9 commands; decision trees of up to 9 nodes, requirements, drills; 40%
 * of them MDX), and about 60% are alert runbooks shaped like the imported public ones (1–3 KB,
 * the Meaning / Impact / Diagnosis / Mitigation sections as steps, 0–6 commands, rarely a tree).
 */
import type { RunbookInput } from '../schema/runbook.ts';
import { ALERTS, ALERT_SECTIONS, COMMANDS, DR_TITLES, OUTCOMES, SERVICES, prose, stepTitle } from './corpus-text.ts';
import { seededRandom, type Random } from './random.ts';

/** One generated runbook: its data (`data.service` is also its folder) and the format it is written in. */
export interface CorpusRunbook {
  format: 'yaml' | 'mdx';
  kind: 'dr' | 'alert';
  data: RunbookInput & { id: string; service: string };
}

const groupEnds: number[] = [];
const groupSizes = seededRandom(7);
/** Service of runbook `i`: services own 2–12 consecutive runbooks (about 6 on average). */
export function serviceOf(i: number): string {
  while (!groupEnds.length || groupEnds.at(-1)! <= i) groupEnds.push((groupEnds.at(-1) ?? 0) + groupSizes.weighted([[2, 2], [4, 3], [6, 3], [8, 2], [12, 1]]));
  const g = groupEnds.findIndex((end) => end > i);
  const cycle = Math.floor(g / SERVICES.length);
  return `${SERVICES[g % SERVICES.length]}${cycle ? `-${cycle}` : ''}`;
}

type StepInput = NonNullable<RunbookInput['steps']>[number];
type AnswerInput = NonNullable<RunbookInput['decisions']>[number]['answers'][number];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Kind, title and id of runbook `i`, drawn apart from the rest so that links to it are cheap. */
export function corpusHead(i: number) {
  const r = seededRandom(2 * i + 1);
  const service = serviceOf(i);
  const kind: CorpusRunbook['kind'] = r.chance(0.4) ? 'dr' : 'alert';
  const title = kind === 'dr' ? r.pick(DR_TITLES).replace('{s}', service) : `${r.pick(ALERTS)} on ${service}`;
  return { kind, title, service, id: `${slug(title)}-${i}` };
}

/** The id of runbook `i` (a slug of its title and its number). */
export const corpusId = (i: number) => corpusHead(i).id;

/** Runbook `i` of the corpus. */
export function corpusRunbook(i: number): CorpusRunbook {
  const { kind, title, service, id } = corpusHead(i);
  const r = seededRandom(2 * i + 2);
  const usesVars = kind === 'dr' && r.chance(0.7);
  const vars = { ns: `team-${String((i % 196) + 1).padStart(3, '0')}`, app: `${service}-api` };
  const cmd = (role: 'primary' | 'dr') => {
    const shape = r.pick(COMMANDS);
    const v = { ctx: `{{ cluster.${role} }}`, ns: usesVars ? '{{ ns }}' : vars.ns, app: usesVars ? '{{ app }}' : vars.app };
    return { run: shape.run(v), cluster: role, ...(shape.destructive ? { destructive: true } : {}), ...(shape.expect && r.chance(0.8) ? { expect: shape.expect(v) } : {}) };
  };
  let stepNo = 0;
  const step = (commands: number, sentences: number, stepTitleText = stepTitle(r)): StepInput => ({
    id: `${slug(stepTitleText)}-${++stepNo}`,
    title: stepTitleText,
    estimate: `${r.pick([1, 2, 3, 5, 10, 15])}m`,
    ...(sentences ? { body: `${prose(r, sentences)}\n` } : {}),
    ...(commands ? { commands: Array.from({ length: commands }, () => cmd(r.chance(0.6) ? 'primary' : 'dr')) } : {}),
  });
  const oneOrTwo = () => r.weighted([[1, 3], [2, 1]]);
  const steps = (count: number, commands: () => number, sentences: () => number) => Array.from({ length: count }, () => step(commands(), sentences()));

  const data: CorpusRunbook['data'] =
    kind === 'dr'
      ? {
          id, title, summary: `${prose(r, 2)} Use this when ${service} has lost its data or its region.`,
          service, tier: r.int(0, 2), owners: [`${service}-team`, ...(r.chance(0.5) ? ['platform-team'] : [])],
          escalation: escalation(r, service, r.int(2, 3)), tags: r.sample(['velero', 'restore', 'failover', 'database', 'dns', 'storage', 'region'], r.int(3, 6)),
          lastReviewed: `2026-${String(r.int(6, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
          rto: r.pick(['30m', '1h', '2h', '4h']), rpo: r.pick(['1h', '26h', '26h', '48h']),
          ...(usesVars ? { vars } : {}), requires: requires(r, vars.ns, r.int(0, 7)),
          prechecks: steps(r.int(1, 3), oneOrTwo, () => r.int(0, 2)),
          steps: steps(r.int(2, 5), oneOrTwo, () => r.int(1, 3)),
          verify: steps(r.int(1, 2), () => 1, () => r.int(0, 1)),
          ...(r.chance(0.6) ? { rollback: steps(1, () => 1, () => 2) } : {}),
        }
      : {
          id, title, summary: prose(r, 1), service, tier: r.int(1, 3), owners: [`${service}-team`],
          escalation: escalation(r, service, r.int(1, 2)), tags: [slug(title.split(' ')[0]!), service],
          lastReviewed: `2026-${String(r.int(3, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
          rto: r.pick(['1h', '4h', '8h']), rpo: r.pick(['26h', '48h']), requires: requires(r, vars.ns, r.int(0, 2)),
          // Imported alert runbooks: the four sections as steps, commands in Diagnosis and Mitigation.
          steps: ALERT_SECTIONS.slice(r.int(0, 1)).map((section) => step(section === 'Diagnosis' || section === 'Mitigation' ? r.weighted([[0, 3], [1, 3], [2, 2], [3, 1]]) : 0, r.int(1, 4), section)),
        };
  const stepIds = (['prechecks', 'steps', 'verify', 'rollback'] as const).flatMap((s) => (data[s] ?? []).map((st) => st.id));
  const nodes = kind === 'dr' ? r.weighted([[0, 2], [2, 3], [3, 2], [4, 1], [6, 1], [9, 1]]) : r.weighted([[0, 8], [2, 2]]);
  if (nodes) data.decisions = decisionTree(r, nodes, stepIds, i);
  if (kind === 'dr' && r.chance(0.8)) data.drills = drills(r, r.int(1, 2));
  const related = r.int(0, kind === 'dr' ? 3 : 1);
  if (i > 0 && related) data.related = [...new Set(Array.from({ length: related }, () => r.int(Math.max(0, i - 20), i - 1)))].map((j) => corpusId(j));
  return { format: kind === 'dr' && r.chance(0.4) ? 'mdx' : 'yaml', kind, data };
}

function escalation(r: Random, service: string, count: number): RunbookInput['escalation'] {
  const all = [
    { name: `${service} on-call`, role: 'Incident commander', pager: `pagerduty:${service.toUpperCase()}`, chat: `#inc-${service}` },
    { name: 'Platform on-call', role: 'Cluster owner', pager: 'pagerduty:PLATFORM', after: '15m' },
    { name: `Head of ${service}`, phone: `+44 20 7946 ${String(r.int(0, 9999)).padStart(4, '0')}`, after: '30m' },
  ];
  return all.slice(0, count);
}

function requires(r: Random, ns: string, count: number): RunbookInput['requires'] {
  const all = [
    { kind: 'StorageClass', name: r.chance(0.95) ? 'ebs-sc' : 'io2-csi', cluster: 'dr', why: 'Restored volumes are created in this class.' },
    { kind: 'Namespace', name: ns, cluster: 'primary' },
    { kind: 'Schedule', name: 'daily', namespace: 'velero', cluster: 'primary', why: 'The daily schedule is what makes the RPO possible.' },
    { kind: 'CustomResourceDefinition', name: 'backups.velero.io', cluster: 'primary' },
    { kind: 'CustomResourceDefinition', name: 'restores.velero.io', cluster: 'dr' },
    { kind: 'BackupStorageLocation', name: 'default', namespace: 'velero', cluster: 'dr' },
    { kind: 'StorageClass', name: 'ebs-sc', cluster: 'primary' },
  ] as const;
  return count ? r.sample(all, count).map((x) => ({ ...x })) : undefined;
}

function drills(r: Random, count: number): RunbookInput['drills'] {
  return Array.from({ length: count }, (_, k) => ({
    date: `2026-${String(10 - k * 4).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    kind: r.pick(['game-day', 'tabletop'] as const),
    duration: `${r.int(12, 55)}m`,
    result: r.weighted([['pass', 6], ['partial', 2], ['fail', 1]] as const),
    ...(r.chance(0.7) ? { notes: prose(r, 1) } : {}),
  }));
}

/** A tree of `count` nodes, node k asked after node ⌊(k−1)/2⌋; leaves go to steps or end. */
function decisionTree(r: Random, count: number, stepIds: string[], i: number): RunbookInput['decisions'] {
  const ids = Array.from({ length: count }, (_, k) => (k ? `question-${k}` : 'root'));
  return ids.map((id, k) => {
    const children = ids.filter((_, c) => c > 0 && Math.floor((c - 1) / 2) === k);
    const answers: AnswerInput[] = children.map((c, n) => ({ label: n ? 'No' : 'Yes', goto: c }));
    while (answers.length < 2) {
      const label = answers.length ? 'No' : 'Yes';
      if (r.chance(0.5)) answers.push({ label, goto: r.pick(stepIds) });
      else if (i > 0 && r.chance(0.15)) answers.push({ label, runbook: corpusId(r.int(Math.max(0, i - 10), i - 1)) });
      else answers.push({ label, outcome: r.pick(OUTCOMES) });
    }
    return { id, question: r.pick(['Does the service answer on its health endpoint?', 'Are the pods Running?', 'Is the newest backup Completed?', 'Is replication lag under a minute?', 'Is the DR region healthy?']), answers };
  });
}
