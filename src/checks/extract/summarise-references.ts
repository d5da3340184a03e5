/**
 * Test helper: the references in a command as one readable line each, after checking that every
 * reference's offsets slice its name back out of the command (true whenever the name is written
 * without backslash escapes, which is every name these tests use it for).
 */
import { expect } from 'vitest';
import { extractReferences } from './extract-references.ts';

/** `Namespace ledger via -n (kubectl get)` for each reference in `command`. */
export function summariseReferences(command: string): string[] {
  return extractReferences(command).map((ref) => {
    expect(command.slice(ref.start, ref.end), `offsets of ${ref.kind} ${ref.name}`).toBe(ref.name);
    return `${ref.kind} ${ref.name} via ${ref.via} (${[ref.command.tool, ...ref.command.subcommand].join(' ')})`;
  });
}
