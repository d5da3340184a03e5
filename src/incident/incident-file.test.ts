import { describe, expect, it } from 'vitest';
import { exampleIncident } from './example-incident.ts';
import { parseIncidentFile } from './incident-file.ts';
import { incidentJson, incidentRecord } from './incident-record.ts';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const exported = () => incidentRecord(exampleIncident(), '2026-11-22T10:10:00.000Z');
const parse = (data: unknown) => parseIncidentFile(typeof data === 'string' ? data : JSON.stringify(data), NOW);
const errorOf = (data: unknown) => {
  const parsed = parse(data);
  return 'error' in parsed ? parsed.error : 'no error';
};

describe('reading an incident file', () => {
  it('reads back exactly the incident that was exported (the handover round trip)', () => {
    const incident = exampleIncident();
    expect(parseIncidentFile(incidentJson(incident, '2026-11-22T10:10:00.000Z'), NOW)).toEqual({ incident });
  });

  it('keeps only known fields', () => {
    const parsed = parse({ ...exported(), extra: '<script>', events: exported().events.map((e) => ({ ...e, html: '<b>' })) });
    expect(JSON.stringify(parsed)).not.toMatch(/script|<b>/);
  });

  it('says in one line what is wrong with a bad file', () => {
    const e = exported();
    expect(errorOf('{"kind": "incident",')).toMatchInlineSnapshot(`"The file is not JSON (export it with "Export JSON")"`);
    expect(errorOf([1])).toMatchInlineSnapshot(`"The file is not an object"`);
    expect(errorOf({ runbooks: [] })).toMatchInlineSnapshot(`"The file is not an incident export (no "kind": "incident")"`);
    expect(errorOf({ ...e, version: 2 })).toMatchInlineSnapshot(`"The file is version 2 of the incident format; this site reads version 1"`);
    expect(errorOf({ ...e, startedAt: '2026-11-22 09:00' })).toMatchInlineSnapshot(`"startedAt is not an ISO UTC time ("2026-11-22 09:00")"`);
    expect(errorOf({ ...e, startedAt: '2027-01-01T00:00:00Z' })).toMatchInlineSnapshot(
      `"startedAt is in the future (2027-01-01T00:00:00Z); check the clock of the computer that exported it"`,
    );
    expect(errorOf({ ...e, events: [...e.events, { at: '2026-11-22T12:30:00.000Z', type: 'ended' }] })).toMatch(/^events\[10\]\.at is in the future/);
    expect(errorOf({ ...e, events: [{ at: '2026-11-22T08:00:00.000Z', type: 'ended' }] })).toMatchInlineSnapshot(
      `"events[0].at (2026-11-22T08:00:00.000Z) is before the incident started (2026-11-22T09:00:00.000Z)"`,
    );
    expect(errorOf({ ...e, events: [{ at: '2026-11-22T09:30:00.000Z', type: 'rm -rf' }] })).toMatchInlineSnapshot(
      `"events[0].type is not a kind of timeline entry this site knows ("rm -rf")"`,
    );
    expect(errorOf({ ...e, events: [{ at: '2026-11-22T09:30:00.000Z', type: 'done', runbook: 'restore-db', step: 'zz' }] })).toMatchInlineSnapshot(
      `"events[0].step names no step of runbook "restore-db" ("zz")"`,
    );
    expect(errorOf({ ...e, events: [{ at: '2026-11-22T09:30:00.000Z', type: 'joined', runbook: 'other' }] })).toMatchInlineSnapshot(
      `"events[0].runbook names a runbook that is not in the incident ("other")"`,
    );
    expect(errorOf({ ...e, events: [{ at: '2026-11-22T09:30:00.000Z', type: 'decision', runbook: 'fail-dns', decision: 'a b', question: 'q', answer: 'a' }] })).toMatchInlineSnapshot(
      `"events[0].decision is not an id ("a b")"`,
    );
    expect(errorOf({ ...e, runbooks: [{ ...e.runbooks[0], id: '__proto__' }] })).toMatchInlineSnapshot(`"runbooks[0].id is not an id ("__proto__")"`);
    expect(errorOf({ ...e, runbooks: [e.runbooks[0], e.runbooks[0]] })).toMatchInlineSnapshot(`"runbooks[1].id repeats "restore-db""`);
    expect(errorOf({ ...e, runbooks: { 0: e.runbooks[0] } })).toMatchInlineSnapshot(`"runbooks is not a list"`);
    expect(errorOf({ ...e, runbooks: [{ ...e.runbooks[0], steps: [{ id: 'a', number: 1, title: 'x' }] }] })).toMatchInlineSnapshot(
      `"runbooks[0].steps[0].number is not text"`,
    );
    expect(errorOf({ ...e, title: 'x'.repeat(201) })).toMatchInlineSnapshot(`"title is longer than 200 characters"`);
    expect(errorOf({ ...e, endedAt: '2026-11-22T08:59:59.000Z' })).toMatch(/^endedAt .* is before the incident started/);
  });
});
