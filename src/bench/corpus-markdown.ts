/**
 * The same runbook as plain Markdown, for the peers (plain Starlight, Hugo, MkDocs Material):
 * every field Lifeboat shows, with placeholders filled, so the peers build equivalent content
 * without any of Lifeboat's components (a nested list stands in for the decision tree).
 */
import type { CorpusRunbook } from './corpus-model.ts';

/** Cluster names the benchmark's configuration maps the roles to. */
export const BENCH_CLUSTERS = { primary: 'prod', dr: 'dr' } as const;

const SECTIONS = [['prechecks', 'Before you start'], ['steps', 'Steps'], ['verify', 'Verify'], ['rollback', 'Roll back']] as const;

/** Fills `{{ cluster.role }}` and `{{ var }}` as Lifeboat would. */
export function fillPlaceholders(text: string, vars: Record<string, string> = {}): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    if (name.startsWith('cluster.')) return BENCH_CLUSTERS[name.slice(8) as keyof typeof BENCH_CLUSTERS] ?? whole;
    return vars[name] ?? whole;
  });
}

/**
 * Markdown body of `runbook` (no title: each peer puts it where it expects it). `link(id)` is the
 * peer's URL of another runbook.
 */
export function runbookMarkdown({ data }: CorpusRunbook, link: (id: string) => string): string {
  const fill = (text: string) => fillPlaceholders(text, data.vars);
  const fence = (lang: string, text: string) => `\`\`\`${lang}\n${fill(text).trimEnd()}\n\`\`\``;
  const out: string[] = [];
  if (data.summary) out.push(data.summary);
  out.push(
    ['| | |', '|---|---|', `| Service | ${data.service} |`, `| Tier | ${data.tier} |`, `| Owners | ${data.owners.join(', ')} |`, `| RTO / RPO | ${data.rto} / ${data.rpo} |`, `| Last reviewed | ${data.lastReviewed} |`, ...(data.tags ? [`| Tags | ${data.tags.join(', ')} |`] : [])].join('\n'),
  );
  out.push('## Escalation', data.escalation.map((c, k) => `${k + 1}. **${c.name}**${[c.role, c.pager, c.phone, c.chat, c.after && `after ${c.after}`].filter(Boolean).map((x) => ` — ${x}`).join('')}`).join('\n'));
  if (data.requires?.length) out.push('## Requires', data.requires.map((q) => `- ${q.kind} \`${q.namespace ? `${q.namespace}/` : ''}${q.name}\` on ${q.cluster}${q.why ? ` — ${q.why}` : ''}`).join('\n'));
  if (data.decisions?.length) {
    out.push('## Decision tree', data.decisions.map((d) => `- **${d.question}**\n${d.answers.map((a) => `  - ${a.label} → ${a.goto ? `[${a.goto}](#${a.goto})` : a.runbook ? `[${a.runbook}](${link(a.runbook)})` : a.outcome}`).join('\n')}`).join('\n'));
  }
  for (const [key, heading] of SECTIONS) {
    const steps = data[key] ?? [];
    if (!steps.length) continue;
    out.push(`## ${heading}`);
    for (const [k, step] of steps.entries()) {
      out.push(`### ${k + 1}. ${step.title}${step.estimate ? ` (${step.estimate})` : ''}`);
      if (step.body) out.push(fill(step.body).trimEnd());
      for (const c of step.commands ?? []) {
        if (c.destructive) out.push(`**Destructive**${c.cluster ? ` — runs on ${c.cluster}` : ''}.`);
        out.push(fence('sh', c.run));
        if (c.expect) out.push('Expected output:', fence('', c.expect));
      }
    }
  }
  if (data.drills?.length) out.push('## Drills', ['| Date | Kind | Duration | Result | Notes |', '|---|---|---|---|---|', ...data.drills.map((d) => `| ${d.date} | ${d.kind ?? ''} | ${d.duration} | ${d.result} | ${d.notes ?? ''} |`)].join('\n'));
  if (data.related?.length) out.push('## Related', data.related.map((id) => `- [${id}](${link(id)})`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
