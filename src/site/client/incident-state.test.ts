import { describe, expect, it } from 'vitest';
import { clearIncident, clockText, loadIncident, saveIncident, timelineJson, timelineMarkdown, type IncidentState } from './incident-state.ts';

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

const steps = [
  { id: 'a', number: '1.1', title: 'Check | the pipe' },
  { id: 'b', number: '1.2', title: 'Restore' },
  { id: 'c', number: '2.1', title: 'Verify' },
];
const state: IncidentState = {
  runbook: 'rb',
  startedAt: '2026-11-22T09:00:00.000Z',
  steps: { b: { doneAt: '2026-11-22T09:04:10.000Z' }, a: { doneAt: '2026-11-22T10:07:00.000Z', note: 'line one\nline two' }, c: { note: 'skipped' } },
};

describe('incident state', () => {
  it('survives a save and load, is per runbook, and is gone once cleared', () => {
    const storage = memoryStorage();
    saveIncident(storage, state);
    expect(loadIncident(storage, 'rb')).toEqual(state);
    expect(loadIncident(storage, 'other')).toBeUndefined();
    clearIncident(storage, 'rb');
    expect(loadIncident(storage, 'rb')).toBeUndefined();
  });

  it('starts fresh on corrupted or foreign data instead of breaking the page', () => {
    const storage = memoryStorage();
    storage.setItem('lifeboat:incident:rb', '{not json');
    expect(loadIncident(storage, 'rb')).toBeUndefined();
    storage.setItem('lifeboat:incident:rb', JSON.stringify({ ...state, runbook: 'other' }));
    expect(loadIncident(storage, 'rb')).toBeUndefined();
  });

  it('writes clock text with hours only when needed, and overruns as negative', () => {
    expect([clockText(0), clockText(65), clockText(3600 + 5 * 60 + 9), clockText(-90)]).toEqual(['0:00', '1:05', '1:05:09', '−1:30']);
  });

  it('exports the Markdown timeline in the order steps were done, notes on one line, pipes escaped', () => {
    expect(timelineMarkdown(state, 'Restore payments', '2h', steps)).toBe(
      [
        '# Incident timeline: Restore payments',
        '',
        '- Started: 2026-11-22T09:00:00.000Z',
        '- RTO: 2h',
        '- Steps done: 2 of 3',
        '',
        '| Time | Since start | Step | Note |',
        '|---|---|---|---|',
        '| 09:04:10 UTC | +4:10 | 1.2 Restore |  |',
        '| 10:07:00 UTC | +1:07:00 | 1.1 Check \\| the pipe | line one line two |',
        '| not done |  | 2.1 Verify | skipped |',
        '',
      ].join('\n'),
    );
  });

  it('exports JSON with every step in page order, done or not', () => {
    const json = JSON.parse(timelineJson(state, 'Restore payments', '2h', steps));
    expect(json).toEqual({
      runbook: 'rb',
      title: 'Restore payments',
      rto: '2h',
      startedAt: '2026-11-22T09:00:00.000Z',
      steps: [
        { id: 'a', number: '1.1', title: 'Check | the pipe', doneAt: '2026-11-22T10:07:00.000Z', note: 'line one\nline two' },
        { id: 'b', number: '1.2', title: 'Restore', doneAt: '2026-11-22T09:04:10.000Z', note: null },
        { id: 'c', number: '2.1', title: 'Verify', doneAt: null, note: 'skipped' },
      ],
    });
  });
});
