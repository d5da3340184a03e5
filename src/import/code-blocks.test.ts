import { describe, expect, it } from 'vitest';
import { classifyCode, splitPrompts } from './code-blocks.ts';

describe('code blocks', () => {
  it('tells commands from queries, manifests and output', () => {
    expect(classifyCode('console', 'oc get pods -n openshift-etcd', false)).toBe('command');
    expect(classifyCode('console', 'acm_thanos_compact_halted{job="observability-thanos-compact"}', false)).toBe('code');
    expect(classifyCode('bash', 'sum by (job) (rate(x[5m]))', false)).toBe('code');
    expect(classifyCode('promql', 'node_filesystem_files_free', false)).toBe('code');
    expect(classifyCode('yaml', 'apiVersion: v1', false)).toBe('code');
    expect(classifyCode(null, 'kubectl -n monitoring get pvc', false)).toBe('command');
    expect(classifyCode(null, 'failed to update the addOnPlacementScore', false)).toBe('code');
    // After a command, an un-labelled block that is not itself a command is its output.
    expect(classifyCode(null, 'NAME   STATUS\nweb-0  Running', 'adjacent')).toBe('output');
    expect(classifyCode(null, 'kubectl get pods', 'adjacent')).toBe('command');
    // Announced output ("You should see a message along the lines of:") even when labelled as shell.
    expect(classifyCode('shell', '"msg"="trying to connect"', 'cue')).toBe('output');
    expect(classifyCode('shell', '"msg"="trying to connect"', 'adjacent')).toBe('command');
  });

  it('splits prompts into commands and the output printed under them', () => {
    const block = [
      '$ kubectl -n monitoring describe sts/thanos-store-0',
      'Name:  thanos-store-0',
      '',
      '$ oc create secret generic x \\',
      '  --from-file=a=./a',
      '$ oc get secret x',
    ].join('\n');
    expect(splitPrompts(block)).toEqual([
      { run: 'kubectl -n monitoring describe sts/thanos-store-0', expect: 'Name:  thanos-store-0' },
      { run: 'oc create secret generic x \\\n  --from-file=a=./a\noc get secret x' },
    ]);
  });

  it('keeps a script of prompted commands together, blank lines included', () => {
    expect(splitPrompts("$ MOUNT_POINT='/var'\n\n$ df -hi \"/host/$MOUNT_POINT\"")).toEqual([{ run: "MOUNT_POINT='/var'\n\ndf -hi \"/host/$MOUNT_POINT\"" }]);
  });
});
