import { formatPath } from '../../errors/issue.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { findUnsafeMarkdown } from '../../site/markdown.ts';
import type { Rule } from '../rule-context.ts';

/**
 * Says what the sanitizer removes from Markdown fields (site/markdown.ts), at the fragment's own
 * position, so an author learns why part of a step is missing on the page. MDX bodies are held to
 * the same allowlist as errors instead (load/mdx-code.ts): they are compiled, not sanitized.
 */
export const markdownIsSafe: Rule = ({ runbook, report, allowHtml }) => {
  if (allowHtml) return;
  const fields: (string | number)[][] = [];
  for (const ref of allSteps(runbook)) if (ref.path[0] !== '$body' && ref.step.body) fields.push([...ref.path, 'body']);
  runbook.data.decisions?.forEach((decision, i) => decision.body && fields.push(['decisions', i, 'body']));
  for (const path of fields) {
    const text = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], runbook.data) as string;
    for (const found of findUnsafeMarkdown(text)) {
      const code = found.kind === 'html' ? 'RawHtmlRemoved' : 'UnsafeLinkRemoved';
      report(code, path, { field: formatPath(path), fragment: found.fragment }, runbook.locateInValue(path, found.offset));
    }
  }
};
