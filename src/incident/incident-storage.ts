/**
 * Where the incident lives between page loads: one localStorage key per site (per origin; the
 * single-file edition has its file:// one), holding the same record the JSON export writes, read
 * back through the same validation as an import. It survives reloads, a browser restart and being
 * offline, until the on-call clears it.
 */
import { setStepNote, startIncident, type Incident, type IncidentRunbook } from './incident.ts';
import { parseIncidentFile } from './incident-file.ts';
import { incidentJson } from './incident-record.ts';
import { INCIDENT_KEY } from './incident-key.ts';

export { INCIDENT_KEY };
/** Before one incident per site, each runbook kept its own (`lifeboat:incident:<runbook>`). */
const legacyKey = (runbook: string) => `${INCIDENT_KEY}:${runbook}`;

export function loadIncident(storage: Storage): Incident | undefined {
  try {
    const raw = storage.getItem(INCIDENT_KEY);
    // No "in the future" check here: a clock set back (an NTP correction) must not lose the incident.
    const parsed = raw ? parseIncidentFile(raw, Infinity) : undefined;
    return parsed && 'incident' in parsed ? parsed.incident : undefined;
  } catch {
    return undefined; // unreadable (private mode, disabled): start fresh rather than break the page
  }
}

export function saveIncident(storage: Storage, incident: Incident): void {
  try {
    storage.setItem(INCIDENT_KEY, incidentJson(incident, new Date().toISOString()));
  } catch {
    // Storage full or disabled: the page keeps working, only persistence is lost.
  }
}

export function clearIncident(storage: Storage): void {
  storage.removeItem(INCIDENT_KEY);
}

interface LegacyState {
  startedAt?: unknown;
  steps?: Record<string, { doneAt?: unknown; note?: unknown }>;
}

/**
 * A per-runbook incident left by an older site, as the site's incident (when none runs): its clock,
 * the steps ticked and the notes. The old key is removed once carried over; with an incident
 * already running it is left alone, and ignored.
 */
export function migrateLegacyIncident(storage: Storage, runbook: Omit<IncidentRunbook, 'joinedAt'>): Incident | undefined {
  try {
    const raw = storage.getItem(legacyKey(runbook.id));
    if (!raw) return undefined;
    const old = JSON.parse(raw) as LegacyState;
    storage.removeItem(legacyKey(runbook.id));
    if (typeof old.startedAt !== 'string' || !Number.isFinite(Date.parse(old.startedAt))) return undefined;
    const startedAt = new Date(old.startedAt).toISOString();
    const incident = startIncident(startedAt, runbook);
    const done = Object.entries(old.steps ?? {})
      .filter(([id]) => runbook.steps.some((s) => s.id === id))
      .sort(([, a], [, b]) => String(a.doneAt).localeCompare(String(b.doneAt)));
    for (const [step, record] of done) {
      if (typeof record.doneAt === 'string' && Date.parse(record.doneAt) >= Date.parse(startedAt))
        incident.events.push({ at: new Date(record.doneAt).toISOString(), type: 'done', runbook: runbook.id, step });
      if (typeof record.note === 'string') setStepNote(incident, runbook.id, step, record.note);
    }
    saveIncident(storage, incident);
    return incident;
  } catch {
    return undefined;
  }
}

