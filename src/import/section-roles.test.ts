import { describe, expect, it } from 'vitest';
import { outlinePage } from './outline.ts';
import { parseMarkdown } from './markdown-tree.ts';
import { assignRoles, classifyHeading } from './section-roles.ts';

const rolesOf = (markdown: string) => {
  const { chunks } = outlinePage(parseMarkdown(markdown));
  const roles = assignRoles(chunks);
  return chunks.filter((c) => c.heading).map((c) => `${c.title}: ${roles[chunks.indexOf(c)] ?? 'none'}`);
};

describe('section roles', () => {
  it('knows the section names of the common layouts', () => {
    expect(['Meaning', 'Impact', 'Diagnosis', 'Mitigation'].map(classifyHeading)).toEqual(['context', 'context', 'prechecks', 'steps']);
    expect(['Symptoms', 'Causes', 'Resolution', 'Troubleshooting'].map(classifyHeading)).toEqual(['context', 'context', 'steps', 'prechecks']);
    expect(['Description', 'Actions', 'Procedure to Fix'].map(classifyHeading)).toEqual(['context', 'steps', 'steps']);
    expect(['Step 1: Preflight checks', '# Step 5: Post-operation checks', '4. Verify Resolution', 'Rollback'].map(classifyHeading)).toEqual([
      'prechecks',
      'verify',
      'verify',
      'rollback',
    ]);
    expect(classifyHeading('Kubeconfig Copy Failures')).toBeUndefined();
  });

  it('lets a heading without a section name inherit the role of the heading above it', () => {
    const markdown = '# Alert\n\n## Mitigation\n\nx\n\n### 1. Halted due to a full disk\n\nx\n\n### 2. Diagnosis for a corrupt block\n\nx\n\n### 3. Verify Resolution\n\nx\n';
    expect(rolesOf(markdown)).toEqual([
      'Mitigation: steps',
      '1. Halted due to a full disk: steps',
      // A diagnosis inside the procedure stays in the procedure, in the order written.
      '2. Diagnosis for a corrupt block: steps',
      '3. Verify Resolution: verify',
    ]);
  });

  it('takes the first top-level heading as the title unless it names a section', () => {
    expect(outlinePage(parseMarkdown('# KubePodCrashLooping\n\n## Meaning\n\nx\n')).titleHeading).toBeDefined();
    expect(outlinePage(parseMarkdown('## Meaning\n\nx\n\n## Impact\n\ny\n')).titleHeading).toBeUndefined();
  });
});
