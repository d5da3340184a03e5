/**
 * Sätteri mdast plugin for MDX runbooks: turns the fenced code block inside `<Command>` (and
 * inside its `<Expect>`) into plain `run` / `expect` attributes before rendering. The command
 * component then receives the exact text, byte for byte, exactly as a YAML runbook's command —
 * so both formats render through one component and copy the same bytes.
 */
import type { MdastPluginDefinition } from 'satteri';

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });

export const mdxCommandPlugin = {
  name: 'lifeboat-mdx-commands',
  mdxJsxFlowElement(node, ctx) {
    const element = node as unknown as Node;
    if (element.name !== 'Command') return;
    const attributes = [...(element.attributes ?? [])];
    for (const child of element.children ?? []) {
      if (child.type === 'code' && !attributes.some((a) => a.name === 'run')) attributes.push(attribute('run', child.value ?? ''));
      if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'Expect') {
        const code = child.children?.find((c) => c.type === 'code');
        if (code) attributes.push(attribute('expect', code.value ?? ''));
      }
    }
    ctx.replaceNode(node, { ...(element as object), attributes, children: [] } as never);
  },
} satisfies MdastPluginDefinition as MdastPluginDefinition;
