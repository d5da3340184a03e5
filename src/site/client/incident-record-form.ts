/**
 * "Record for the gate": an ended incident's evidence for this runbook, as the drill record
 * `lifeboat drill add` files (kind incident, src/incident/incident-drill-record.ts). The incident
 * does not know who worked it or whether the runbook recovered the service as written, so the
 * form asks, then downloads the YAML.
 */
import type { DrillRecord } from '../../drills/record-schema.ts';
import { drillRecordFileName, drillRecordYaml } from '../../drills/record-yaml.ts';
import type { Incident } from '../../incident/incident.ts';
import { incidentDrillRecord } from '../../incident/incident-drill-record.ts';
import { download, el, radios } from './incident-actions.ts';

export function incidentRecordForm(runbook: string, build: string | undefined, incident: () => Incident | undefined): HTMLFormElement {
  const form = el('form', 'lb-drill-form');
  form.setAttribute('aria-label', 'Record this incident for the gate');
  form.append(el('p', '', 'The incident as a drill record of this runbook: file it with npx lifeboat drill add FILE, and the gate counts it as a measured recovery.'));
  const whoLabel = el('label', '', 'Who worked it (names, separated by commas)');
  const who = el('input');
  who.type = 'text';
  who.id = `lb-incident-who-${runbook}`;
  whoLabel.htmlFor = who.id;
  const results = radios('Did this runbook recover the service?', `lb-incident-result-${runbook}`, [['pass', 'Yes, as written'], ['partial', 'With workarounds'], ['fail', 'No']], 'pass');
  const error = el('p', 'lb-import-error');
  error.setAttribute('role', 'alert');
  const submit = el('button', 'lb-button lb-button-primary', 'Download record (YAML)');
  submit.type = 'submit';
  form.append(whoLabel, who, results, error, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const names = who.value.split(/[,\n]/).map((n) => n.trim()).filter(Boolean);
    const ended = incident();
    if (names.length === 0) {
      error.textContent = 'Say who worked the incident: the record names them.';
      return who.focus();
    }
    if (!ended?.endedAt) return void (error.textContent = 'End the incident first: a record is of a finished recovery.');
    const result = form.querySelector<HTMLInputElement>(`input[name="lb-incident-result-${runbook}"]:checked`)!.value as DrillRecord['result'];
    const record = incidentDrillRecord(ended, runbook, { who: names, result, ...(build ? { build } : {}) });
    error.textContent = '';
    download(drillRecordFileName(record), 'application/yaml', drillRecordYaml(record));
  });
  return form;
}
