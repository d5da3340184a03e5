/**
 * Issue 27's pages in the states an on-call meets them, light and dark, at 360 and 1366 px: axe
 * finds no violation of any impact, and what each state exists for is on screen in both themes
 * (the behaviour itself is tested item by item in the other files of this folder).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

interface State {
  name: string;
  /** Brings the page into the state and returns what must be visible in it. */
  enter(page: Page, url: string): Promise<string>;
}

const STATES: State[] = [
  {
    name: 'an MDX runbook with its numbered sections (item 1)',
    async enter(page, url) {
      await page.goto(`${url}/runbooks/etcd-snapshot-restore/`);
      return '#rollback, h2:has-text("4. Rollback")';
    },
  },
  {
    name: 'a decision tree opened from a link that carries its path (item 7)',
    async enter(page, url) {
      await page.goto(`${url}/runbooks/post-restore-503/#decision-who-answers/0/ingress-class-present/1/endpoints-ready/0/pods-running`);
      return '.lb-crumbs li >> nth=2';
    },
  },
  {
    name: "a Tier-0 runbook's first screen with its known problems and dependencies opened (item 8)",
    async enter(page, url) {
      await page.goto(`${url}/runbooks/dr-full-cluster-restore/`);
      await page.locator('.lb-findings summary').click();
      await page.locator('.lb-requires summary').click();
      return '.lb-requires table';
    },
  },
  {
    name: 'the readiness page (item 10)',
    async enter(page, url) {
      await page.goto(`${url}/readiness/`);
      return 'table';
    },
  },
  {
    name: 'the home page (item 12)',
    async enter(page, url) {
      await page.goto(`${url}/`);
      return '[data-lb-search-field]';
    },
  },
];

describe('on-call states, light and dark', () => {
  for (const state of STATES) {
    it(`finds no axe-core violation of any impact in ${state.name}, at 360 and 1366 px`, async () => {
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [360, 1366]) {
          await site.page.setViewportSize({ width, height: 800 });
          await site.page.emulateMedia({ colorScheme });
          // A fresh load each time: going to the same address with a #path is only a fragment move.
          await site.page.goto('about:blank');
          const shown = await state.enter(site.page, site.url);
          expect(await site.page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
          await site.page.locator(shown).first().scrollIntoViewIfNeeded();
          expect(await site.page.locator(shown).first().isVisible(), `${shown} at ${width} px, ${colorScheme}`).toBe(true);
          found.push(...(await axeViolations(site.page)).map((v) => `${colorScheme} ${width}px: ${v}`));
        }
      }
      expect(found).toEqual([]);
    });
  }
});
