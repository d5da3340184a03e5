import { describe, expect, it } from 'vitest';
import { exampleIncident } from './example-incident.ts';
import { stepNote, stepOutcomes } from './incident.ts';
import { INCIDENT_KEY, clearIncident, loadIncident, migrateLegacyIncident, saveIncident } from './incident-storage.ts';

/** The part of the Storage API incident mode uses, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

const page = { id: 'rb', title: 'Restore', rto: '2h', rtoSeconds: 7200, steps: [{ id: 'a', number: '1.1', title: 'A' }, { id: 'b', number: '1.2', title: 'B' }] };

describe('the stored incident', () => {
  it('survives a save and load, one per site, and is gone once cleared', () => {
    const storage = memoryStorage();
    const incident = exampleIncident();
    saveIncident(storage, incident);
    expect(loadIncident(storage)).toEqual(incident);
    clearIncident(storage);
    expect(loadIncident(storage)).toBeUndefined();
  });

  it('keeps an incident whose times are ahead of this computer’s clock (a clock set back)', () => {
    const storage = memoryStorage();
    const incident = exampleIncident();
    incident.events.push({ at: '2099-01-01T00:00:00.000Z', type: 'imported' });
    saveIncident(storage, incident);
    expect(loadIncident(storage)).toEqual(incident);
  });

  it('starts fresh on corrupted or foreign data instead of breaking the page', () => {
    const storage = memoryStorage();
    storage.setItem(INCIDENT_KEY, '{not json');
    expect(loadIncident(storage)).toBeUndefined();
    storage.setItem(INCIDENT_KEY, JSON.stringify({ kind: 'drill' }));
    expect(loadIncident(storage)).toBeUndefined();
  });

  it('carries an older per-runbook incident over: its clock, ticked steps and notes, then drops the old key', () => {
    const storage = memoryStorage();
    storage.setItem(
      `${INCIDENT_KEY}:rb`,
      JSON.stringify({ runbook: 'rb', startedAt: '2026-11-22T09:00:00.000Z', steps: { b: { doneAt: '2026-11-22T09:04:00.000Z', note: 'ok' }, gone: { doneAt: '2026-11-22T09:05:00.000Z' } } }),
    );
    const incident = migrateLegacyIncident(storage, page)!;
    expect(incident.startedAt).toBe('2026-11-22T09:00:00.000Z');
    expect([...stepOutcomes(incident, 'rb')]).toEqual([['b', { outcome: 'done', at: '2026-11-22T09:04:00.000Z' }]]);
    expect(stepNote(incident, 'rb', 'b')).toBe('ok');
    expect(storage.getItem(`${INCIDENT_KEY}:rb`)).toBeNull();
    expect(loadIncident(storage)).toEqual(incident);
    expect(migrateLegacyIncident(storage, page)).toBeUndefined();
  });
});
