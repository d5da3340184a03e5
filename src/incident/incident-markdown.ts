/**
 * The Markdown export, for the postmortem document: the runbooks with their progress, the
 * timeline in the order things happened (times in UTC with the time since the start), and the
 * notes. Author and on-call text is kept on one table row: pipes escaped, line breaks folded.
 */
import { runbookProgress, stepNote, type Incident, type IncidentEvent } from './incident.ts';
import { clockText, secondsBetween, utcDateTime } from './incident-time.ts';

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function describe(incident: Incident, event: IncidentEvent): string {
  const runbook = 'runbook' in event ? incident.runbooks.find((r) => r.id === event.runbook) : undefined;
  const step = (id: string) => {
    const s = runbook?.steps.find((x) => x.id === id);
    return s ? `${s.number} ${s.title}` : id;
  };
  switch (event.type) {
    case 'joined':
      return `Opened runbook: ${runbook?.title ?? event.runbook}`;
    case 'done':
      return `Done: ${step(event.step)}`;
    case 'undone':
      return `Marked not done: ${step(event.step)}`;
    case 'skipped':
      return `Skipped: ${step(event.step)} — reason: ${event.reason || 'none given'}`;
    case 'decision':
      return `Decision: ${event.question} → ${event.answer}`;
    case 'copied':
      return `Copied destructive command${event.step ? ` (step ${step(event.step)})` : ''}: ${event.command}`;
    case 'ended':
      return 'Incident ended';
    case 'imported':
      return `Continued in another browser${event.by ? ` by ${event.by}` : ''} (imported)`;
  }
}

export function incidentMarkdown(incident: Incident): string {
  const end = incident.endedAt;
  const lines = [
    `# Incident: ${cell(incident.title ?? incident.id)}`,
    '',
    `- Id: ${incident.id}`,
    `- Started: ${utcDateTime(incident.startedAt)} (${incident.startedAt})`,
    end ? `- Ended: ${utcDateTime(end)} (${end}), after ${clockText(secondsBetween(incident.startedAt, end))}` : '- Ended: still running',
    `- Times are UTC; "Since start" counts from the incident's start.`,
    '',
    '## Runbooks',
    '',
    '| Runbook | RTO | Opened | Steps done or skipped |',
    '|---|---|---|---|',
    ...incident.runbooks.map((r) => {
      const p = runbookProgress(incident, r);
      return `| ${cell(r.title)} (${r.id}) | ${cell(r.rto)} | +${clockText(secondsBetween(incident.startedAt, r.joinedAt))} | ${p.finished} of ${p.total} |`;
    }),
    '',
    '## Timeline',
    '',
    '| Time (UTC) | Since start | Runbook | What |',
    '|---|---|---|---|',
    ...incident.events.map(
      (e) => `| ${e.at.slice(11, 19)} | +${clockText(secondsBetween(incident.startedAt, e.at))} | ${'runbook' in e ? e.runbook : ''} | ${cell(describe(incident, e))} |`,
    ),
  ];
  const notes = incident.runbooks.flatMap((r) =>
    r.steps.flatMap((s) => {
      const note = stepNote(incident, r.id, s.id);
      return note ? [`| ${r.id} | ${cell(`${s.number} ${s.title}`)} | ${cell(note)} |`] : [];
    }),
  );
  if (notes.length) lines.push('', '## Notes', '', '| Runbook | Step | Note |', '|---|---|---|', ...notes);
  return `${lines.join('\n')}\n`;
}
