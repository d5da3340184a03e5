import { PARITY_KIND_NAMES, type ParityKind } from '../parity.ts';
import type { Check } from '../check-context.ts';

const BY_REQUIREMENT: Record<string, ParityKind> = Object.fromEntries(Object.entries(PARITY_KIND_NAMES).map(([kind, name]) => [name, kind as ParityKind]));

/**
 * A cluster-scoped resource this runbook requires in the primary cluster must exist in DR too:
 * the runbook will be needed there. (Gaps no runbook uses are site-level warnings, see run-checks.)
 */
export const drHasParity: Check = ({ runbook, clusters, settings, parityGaps, report }) => {
  const { primary, dr } = settings.parity;
  if (!clusters[primary] || !clusters[dr]) return;
  runbook.data.requires?.forEach((req, i) => {
    const kind = BY_REQUIREMENT[req.kind];
    if (req.cluster !== primary || !kind || !parityGaps.get(kind)?.has(req.name)) return;
    report('ParityGap', { path: ['requires', i, 'name'], cluster: clusters[dr]! }, {
      kind: req.kind,
      name: req.name,
      primary: clusters[primary]!,
      dr: clusters[dr]!,
      used: ', and this runbook relies on it',
      hint: `Create it in "${clusters[dr]}" before it is needed, or say in this runbook how DR works without it.`,
    });
  });
};
