import { formatPath } from '../../errors/issue.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { NAMESPACED_KINDS } from '../../schema/runbook.ts';
import type { Rule } from '../rule-context.ts';

/**
 * Combinations the schema's shape cannot express: a runbook has at least one step, every
 * escalation contact can be reached, and a Service requirement names its namespace.
 */
export const fieldsAreComplete: Rule = ({ runbook, report }) => {
  if (runbook.bodyComplete && allSteps(runbook).length === 0) {
    report('MissingField', ['steps'], {
      field: 'steps',
      where: 'the runbook',
      expected: 'at least one step in prechecks, steps, verify or rollback, or a <Step> in the MDX body',
      example: '[{ id: first-step, title: …, commands: [{ run: … }] }]',
    });
  }
  runbook.data.escalation.forEach((contact, i) => {
    if (!contact.pager && !contact.phone && !contact.chat && !contact.email) {
      report('InvalidValue', ['escalation', i], {
        field: formatPath(['escalation', i]),
        detail: `("${contact.name}") gives no way to reach them`,
        allowed: 'at least one of pager, phone, chat or email',
      });
    }
  });
  runbook.data.requires?.forEach((req, i) => {
    if ((req.kind === 'Service' || req.kind === 'CronJob') && !req.namespace) {
      report('MissingField', ['requires', i], {
        field: 'namespace',
        where: `"${formatPath(['requires', i])}"`,
        expected: `a ${req.kind} lives in a namespace`,
        example: req.kind === 'Service' ? 'payments' : 'kube-system',
      });
    }
    if (req.backup !== undefined && req.kind !== 'CronJob') {
      report('InvalidValue', ['requires', i, 'backup'], {
        field: formatPath(['requires', i, 'backup']),
        detail: `is set on a ${req.kind}; only a CronJob's runs are checked as backups (a Velero Schedule always is)`,
        allowed: 'backup only on kind: CronJob',
      });
    }
    if (req.namespace && !NAMESPACED_KINDS.has(req.kind) && req.kind !== 'Namespace') {
      report('InvalidValue', ['requires', i, 'namespace'], {
        field: formatPath(['requires', i, 'namespace']),
        detail: `is set, but a ${req.kind} is cluster-scoped and has no namespace`,
        allowed: 'no namespace for cluster-scoped kinds',
      });
    }
  });
};
