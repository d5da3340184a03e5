/**
 * The home page's incident card, while an incident is stored: how long it has run, each runbook
 * in it with its steps done and its RTO left (linked, to go back to it), the exports, ending it,
 * and taking over another incident from a file. The page holds an empty, hidden container.
 */
import { runbookProgress, type Incident } from '../../incident/incident.ts';
import { clockText, secondsBetween, utcWithLocal } from '../../incident/incident-time.ts';
import { el, incidentActions, load, now, onOtherTab, updateActions } from './incident-actions.ts';
import { importForm } from './incident-import.ts';

/** The handover with no incident here yet: the button in `resume` shows the import form. */
export function mountContinue(resume: HTMLElement, home: HTMLElement): void {
  const toggle = resume.querySelector('button')!;
  const form = importForm(() => {
    resume.hidden = true;
    mountIncidentHome(home);
    home.querySelector('h2')!.scrollIntoView({ block: 'nearest' });
  });
  const show = (open: boolean) => {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => show(Boolean(form.hidden)));
  resume.append(form);
  show(true);
  form.querySelector('input')!.focus();
}

export function mountIncidentHome(home: HTMLElement): void {
  const base = (home.dataset.base ?? '/').replace(/\/$/, '');
  let incident: Incident | undefined = load();
  let timer = 0;
  const card = el('section', 'lb-incident-card');
  card.setAttribute('aria-labelledby', 'incident-card-title');
  const title = el('h2');
  title.id = 'incident-card-title';
  const summary = el('p');
  const clock = el('strong');
  clock.dataset.incidentClock = '';
  const list = el('ul', 'lb-incident-runbooks');
  const actions = incidentActions(() => incident, () => render());
  const more = el('details');
  const summaryLine = el('summary', '', 'Continue another incident from a file');
  more.append(summaryLine, importForm(() => render()));
  card.append(title, summary, list, actions, more);
  home.replaceChildren(card);

  const tick = () => {
    if (!incident) return;
    const elapsed = secondsBetween(incident.startedAt, incident.endedAt ?? now());
    clock.textContent = clockText(elapsed);
    for (const item of list.children) {
      const left = Number((item as HTMLElement).dataset.rtoSeconds) - elapsed;
      const budget = item.querySelector<HTMLElement>('[data-rto-left]')!;
      budget.textContent = incident.endedAt ? '' : ` · RTO left ${clockText(left)}`;
      budget.classList.toggle('lb-over-budget', left < 0);
    }
  };

  function render(): void {
    incident = load();
    window.clearInterval(timer);
    home.hidden = !incident;
    if (!incident) return;
    more.open = false;
    title.textContent = incident.endedAt ? 'Incident ended' : 'Incident running';
    summary.replaceChildren(`Started ${utcWithLocal(incident.startedAt)} · ${incident.endedAt ? 'lasted' : 'elapsed'} `, clock);
    list.replaceChildren(
      ...incident.runbooks.map((runbook) => {
        const item = el('li');
        item.dataset.rtoSeconds = String(runbook.rtoSeconds);
        const link = el('a', '', runbook.title);
        link.href = `${base}/runbooks/${encodeURIComponent(runbook.id)}/`;
        const p = runbookProgress(incident!, runbook);
        item.append(link, ` ${p.finished}/${p.total} steps`, el('span'));
        item.lastElementChild!.setAttribute('data-rto-left', '');
        return item;
      }),
    );
    updateActions(actions, incident);
    tick();
    if (!incident.endedAt) timer = window.setInterval(tick, 1000);
  }
  onOtherTab(render);
  render();
}
