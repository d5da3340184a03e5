/** A test fixture: an ended incident on two runbooks with every kind of timeline entry. */
import { endIncident, joinRunbook, setStepNote, startIncident } from './incident.ts';

const restore = { id: 'restore-db', title: 'Restore | the DB', rto: '2h', rtoSeconds: 7200, steps: [{ id: 'a', number: '1.1', title: 'Find' }, { id: 'b', number: '1.2', title: 'Restore' }, { id: 'c', number: '2.1', title: 'Verify' }] };
const dns = { id: 'fail-dns', title: 'Fail over DNS', rto: '30m', rtoSeconds: 1800, steps: [{ id: 'x', number: '1.1', title: 'Flip' }] };

export function exampleIncident() {
  const incident = startIncident('2026-11-22T09:00:00.000Z', restore);
  incident.events.push({ at: '2026-11-22T09:04:10.000Z', type: 'done', runbook: 'restore-db', step: 'b' });
  joinRunbook(incident, dns, '2026-11-22T09:10:00.000Z');
  joinRunbook(incident, dns, '2026-11-22T09:11:00.000Z'); // a second visit changes nothing
  incident.events.push(
    { at: '2026-11-22T09:12:00.000Z', type: 'decision', runbook: 'fail-dns', decision: 'zone-reachable', question: 'Is the zone reachable?', answer: 'No' },
    { at: '2026-11-22T09:13:00.000Z', type: 'copied', runbook: 'fail-dns', step: 'x', command: 'kubectl delete ns payments' },
    { at: '2026-11-22T09:14:00.000Z', type: 'skipped', runbook: 'restore-db', step: 'a', reason: 'backup | known' },
    { at: '2026-11-22T09:15:00.000Z', type: 'done', runbook: 'restore-db', step: 'c' },
    { at: '2026-11-22T09:16:00.000Z', type: 'undone', runbook: 'restore-db', step: 'c' },
    { at: '2026-11-22T09:17:00.000Z', type: 'imported', by: 'Sam' },
  );
  setStepNote(incident, 'restore-db', 'b', 'line one\nline two');
  endIncident(incident, '2026-11-22T10:07:00.000Z');
  return incident;
}

