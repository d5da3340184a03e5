/**
 * "Continue an incident from a file": the handover. The next person picks (or pastes) the JSON
 * export, and the incident carries on in their browser with the same clock and timeline. The
 * file is validated in full first (incident-file.ts); on a problem one line says what, and the
 * incident already in this browser is left as it was. Replacing one asks first.
 */
import type { Incident } from '../../incident/incident.ts';
import { parseIncidentFile } from '../../incident/incident-file.ts';
import { utcDateTime } from '../../incident/incident-time.ts';
import { el, load, now, save } from './incident-actions.ts';

let forms = 0;

/** The form; `done` runs after an incident was imported and saved. */
export function importForm(done: (incident: Incident) => void): HTMLFormElement {
  const n = ++forms;
  const form = el('form', 'lb-incident-import');
  form.setAttribute('aria-label', 'Continue an incident from a file');
  const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement) => {
    control.id = `lb-import-${n}-${form.childElementCount}`;
    const l = el('label', '', label);
    l.htmlFor = control.id;
    const row = el('div');
    row.append(l, control);
    form.append(row);
    return control;
  };
  form.append(el('p', '', 'Pick the file saved with “Export JSON” in the other browser, or paste its text.'));
  const file = field('Incident file (JSON)', el('input')) as HTMLInputElement;
  file.type = 'file';
  file.accept = '.json,application/json';
  const pasted = field('Or paste the JSON', el('textarea')) as HTMLTextAreaElement;
  pasted.rows = 3;
  const by = field('Your name (optional, for the timeline)', el('input')) as HTMLInputElement;
  by.type = 'text';
  by.maxLength = 200;
  const submit = el('button', 'lb-button', 'Continue this incident');
  submit.type = 'submit';
  const error = el('p', 'lb-import-error');
  error.setAttribute('role', 'alert');
  form.append(submit, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const source = file.files?.[0] ? await file.files[0].text() : pasted.value.trim();
      const parsed = source ? parseIncidentFile(source, Date.now()) : { error: 'Pick a file or paste its JSON first' };
      if ('error' in parsed) {
        error.textContent = `Could not continue the incident: ${parsed.error}. Nothing was changed.`;
        return;
      }
      const current = load();
      if (
        current &&
        !window.confirm(`Replace the incident in this browser (started ${utcDateTime(current.startedAt)}) with the one from the file? Export it first if you need it.`)
      )
        return;
      const incident = parsed.incident;
      const name = by.value.trim();
      incident.events.push({ at: now(), type: 'imported', ...(name ? { by: name } : {}) });
      save(incident);
      error.textContent = '';
      form.reset();
      done(incident);
    })();
  });
  return form;
}
