/**
 * What the incident bar and the home page's incident card share: the one stored incident (with a
 * listener for changes made in another tab), the exports, ending and clearing.
 */
import { endIncident, type Incident } from '../../incident/incident.ts';
import { incidentMarkdown } from '../../incident/incident-markdown.ts';
import { incidentJson } from '../../incident/incident-record.ts';
import { INCIDENT_KEY, clearIncident, loadIncident, saveIncident } from '../../incident/incident-storage.ts';

export const now = () => new Date().toISOString();
export const load = () => loadIncident(localStorage);
export const save = (incident: Incident) => saveIncident(localStorage, incident);

/** Calls `changed` when another tab (or window) changes or clears the incident. */
export function onOtherTab(changed: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === INCIDENT_KEY || event.key === null) changed();
  });
}

/** A small element with a class and text; text is always text, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A fieldset of radio buttons named `name`, `checked` chosen: the value of each, then its label. */
export function radios(legend: string, name: string, options: readonly (readonly [value: string, label: string])[], checked: string): HTMLFieldSetElement {
  const set = el('fieldset');
  set.append(el('legend', '', legend));
  for (const [value, text] of options) {
    const label = el('label');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = name;
    radio.value = value;
    radio.checked = value === checked;
    label.append(radio, ` ${text}`);
    set.append(label);
  }
  return set;
}

export function button(text: string, onClick: () => void, data?: string): HTMLButtonElement {
  const b = el('button', 'lb-button', text);
  b.type = 'button';
  if (data) b.setAttribute(`data-${data}`, '');
  b.addEventListener('click', onClick);
  return b;
}

export function download(name: string, type: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Export Markdown, Export JSON, then End incident (running) or Clear (ended). */
export function incidentActions(current: () => Incident | undefined, changed: () => void): HTMLElement {
  const box = el('span', 'lb-incident-actions');
  const markdown = button('Export Markdown', () => download(`${current()!.id}.md`, 'text/markdown', incidentMarkdown(current()!)), 'incident-markdown');
  const json = button('Export JSON', () => download(`${current()!.id}.json`, 'application/json', incidentJson(current()!, now())), 'incident-json');
  // "End", named "End incident": three buttons fit one row of a phone's bar.
  const end = button(
    'End',
    () => {
      const incident = current();
      if (!incident || !window.confirm('End this incident? The clock stops; the timeline stays in this browser to export.')) return;
      endIncident(incident, now());
      save(incident);
      changed();
    },
    'incident-end',
  );
  const clear = button(
    'Clear',
    () => {
      if (!window.confirm('Clear this incident’s timeline from this browser? Export it first if you need it.')) return;
      clearIncident(localStorage);
      changed();
    },
    'incident-clear',
  );
  end.setAttribute('aria-label', 'End incident');
  box.append(markdown, json, end, clear);
  return box;
}

/** Shows End while the incident runs and Clear once it has ended. */
export function updateActions(box: HTMLElement, incident: Incident): void {
  box.querySelector<HTMLElement>('[data-incident-end]')!.hidden = Boolean(incident.endedAt);
  box.querySelector<HTMLElement>('[data-incident-clear]')!.hidden = !incident.endedAt;
}
