import { describe, expect, it } from 'vitest';
import { whenPagesWritten } from './when-pages-written.ts';

type Hook = () => void;
const fire = (integration: { hooks: Record<string, unknown> }) => (integration.hooks['astro:build:generated'] as Hook)();

describe('whenPagesWritten', () => {
  it('starts the work when Astro has written the pages, once', async () => {
    let runs = 0;
    const written = whenPagesWritten(async () => ++runs);
    expect(runs).toBe(0);
    fire(written.integration);
    expect(runs).toBe(1);
    expect(await written.result()).toBe(1);
    expect(await written.result()).toBe(1);
    expect(runs).toBe(1);
  });

  it('does the work when asked if the hook never ran', async () => {
    const written = whenPagesWritten(async () => 'late');
    expect(await written.result()).toBe('late');
  });

  it('hands a failure to whoever asks for the result, and waits for it quietly before a discard', async () => {
    const written = whenPagesWritten(async () => {
      throw new Error('offline edition failed');
    });
    fire(written.integration);
    await expect(written.settled()).resolves.toBeUndefined();
    await expect(written.result()).rejects.toThrow('offline edition failed');
  });
});
