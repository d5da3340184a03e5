import type { Check } from '../check-context.ts';

/** `lastReviewed` is no older than the configured age. */
export const reviewIsRecent: Check = ({ runbook, settings, report }) => {
  const age = (settings.now.getTime() - Date.parse(`${runbook.data.lastReviewed}T00:00:00Z`)) / 1000;
  if (age > settings.reviewMaxAgeSeconds) {
    report('ReviewOverdue', { path: ['lastReviewed'] }, { lastReviewed: runbook.data.lastReviewed, days: Math.round(settings.reviewMaxAgeSeconds / 86_400) });
  }
};
