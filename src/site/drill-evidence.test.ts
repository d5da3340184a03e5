import { describe, expect, it } from 'vitest';
import type { FiledRecord } from '../drills/check-record.ts';
import { recordedDrills, stepMeasures, testedTime } from './drill-evidence.ts';

const filed = (kind: 'game-day' | 'tabletop' | 'incident', day: string, restoreMinutes: number): FiledRecord =>
  ({
    file: `drills/r/${day}-${kind}.yaml`,
    record: {
      version: 1, runbook: 'r', kind, who: ['Ana'], result: 'pass',
      startedAt: `${day}T09:00:00Z`, endedAt: `${day}T09:40:00Z`,
      steps: [
        { id: 'restore', start: `${day}T09:00:00Z`, end: `${day}T09:${String(restoreMinutes).padStart(2, '0')}:00Z`, outcome: 'done' },
        { id: 'smoke', end: `${day}T09:39:00Z`, outcome: 'skipped' },
      ],
    },
  }) as unknown as FiledRecord;

describe('drill evidence', () => {
  it('gives each step the newest measured time and how many measured drills timed it; tabletops and skips measure nothing', () => {
    const measures = stepMeasures([filed('game-day', '2026-10-01', 20), filed('incident', '2026-11-01', 12), filed('tabletop', '2026-11-20', 5)]);
    expect(measures.get('restore')).toEqual({ duration: '12m', seconds: 720, drills: 2 });
    expect(measures.has('smoke')).toBe(false);
  });

  it('lists records newest first, tabletops marked as measuring nothing', () => {
    const listed = recordedDrills([filed('game-day', '2026-10-01', 20), filed('tabletop', '2026-11-20', 5)]);
    expect(listed.map((r) => [r.date, r.kindLabel, r.measured, r.duration])).toEqual([['2026-11-20', 'tabletop', false, '40m'], ['2026-10-01', 'game day', true, '40m']]);
    expect(listed[1]!.steps).toEqual([{ id: 'restore', outcome: 'done', duration: '20m' }, { id: 'smoke', outcome: 'skipped' }]);
  });

  it('judges the newest measured drill, typed in or recorded, against the RTO with the margin', () => {
    const records = recordedDrills([filed('game-day', '2026-10-01', 20)]);
    expect(testedTime([{ date: '2026-09-01', duration: '10m' }], records, 3600, 2)).toEqual({ duration: '40m', date: '2026-10-01', how: 'game day, recorded', ratio: 80 / 60 });
    expect(testedTime([{ date: '2026-11-01', duration: '10m', kind: 'incident' }], records, 3600, 2)).toEqual({ duration: '10m', date: '2026-11-01', how: 'incident', ratio: 20 / 60 });
    expect(testedTime([{ date: '2026-11-01', duration: '10m', kind: 'tabletop' }], [], 3600, 2)).toBeUndefined();
  });
});
