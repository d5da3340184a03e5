/**
 * Issue 27, item 7: a decision tree's link carries the whole path. After a reload, from a shared
 * link or from an older link that names one question, the breadcrumbs and the outcome are back,
 * Back works from every question to the start, and so does the browser's Back, at phone and
 * laptop width.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

const PAGE = '/runbooks/post-restore-503/';
const START = 'Does the 503 come from the ingress controller (no x-checkout-version header)?';
const question = () => site.page.locator('.lb-walk-question').textContent();
const crumbs = () => site.page.locator('.lb-crumbs li').count();
const back = () => site.page.getByRole('button', { name: 'Back', exact: true });
const restart = () => site.page.getByRole('button', { name: 'Restart', exact: true });

/** Presses the tree's Back until it is disabled, returning each question shown on the way. */
async function backToStart(): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 10 && (await back().isEnabled()); i++) {
    await back().click();
    seen.push((await question())!);
  }
  return seen;
}

describe('decision-tree links', () => {
  for (const width of [360, 1366]) {
    describe(`at ${width} px`, () => {
      beforeEach(async () => site.page.setViewportSize({ width, height: 800 }));

      it('keeps the path, the breadcrumbs and Back after a reload', async () => {
        await site.page.goto(`${site.url}${PAGE}`);
        await site.page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
        await site.page.getByRole('button', { name: 'Yes', exact: true }).click();
        await site.page.getByRole('button', { name: 'No ready endpoints' }).click();
        expect(new URL(site.page.url()).hash).toBe('#decision-who-answers/0/ingress-class-present/1/endpoints-ready/0/pods-running');
        await site.page.reload();
        expect(await question()).toBe('Are the checkout-web pods Running and Ready?');
        expect(await crumbs()).toBe(3);
        expect(await back().isEnabled()).toBe(true);
        expect(await restart().isEnabled()).toBe(true);
        expect(await backToStart()).toEqual(['Does the Service have ready endpoints?', 'Does the Ingress name an IngressClass that exists in this cluster?', START]);
        expect(await crumbs()).toBe(0);
      });

      it('opens a shared link at its outcome, with the breadcrumbs, and goes back from there', async () => {
        await site.page.goto(`${site.url}${PAGE}#decision-who-answers/0/ingress-class-present/1/endpoints-ready/0/pods-running/0/readiness-failing/1`);
        expect(await site.page.locator('.lb-walk-result').textContent()).toBe('The restored Deployment differs from the one in git; redeploy checkout-web from the release pipeline.');
        expect(await crumbs()).toBe(4);
        await back().click();
        expect(await question()).toBe('Does the readiness probe fail because a dependency is unreachable?');
        expect(await site.page.getByRole('button', { name: 'No, the probe path or port is wrong' }).isVisible()).toBe(true);
        expect((await backToStart()).at(-1)).toBe(START);
      });

      it('keeps which way led to a question reached by two ways', async () => {
        await site.page.goto(`${site.url}${PAGE}#decision-who-answers/1/dependency-down`);
        expect(await crumbs()).toBe(1);
        expect(await site.page.locator('.lb-crumbs li').textContent()).toBe(`${START} → No, the application answers 503`);
        expect(await backToStart()).toEqual([START]);
      });

      it('walks an older one-question link from the start, so Back works from it', async () => {
        await site.page.goto(`${site.url}${PAGE}#decision-pod-state`);
        expect(await question()).toBe('Which state are the pods in?');
        expect(await crumbs()).toBe(4);
        expect(await backToStart()).toHaveLength(4);
      });

      it("goes back one answer at a time with the browser's Back", async () => {
        await site.page.goto(`${site.url}${PAGE}`);
        await site.page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
        await site.page.getByRole('button', { name: 'Yes', exact: true }).click();
        expect(await question()).toBe('Does the Service have ready endpoints?');
        await site.page.goBack();
        await expect.poll(question).toBe('Does the Ingress name an IngressClass that exists in this cluster?');
        expect(await crumbs()).toBe(1);
        await site.page.goBack();
        await expect.poll(question).toBe(START);
        expect(await crumbs()).toBe(0);
        await site.page.goForward();
        await expect.poll(question).toBe('Does the Ingress name an IngressClass that exists in this cluster?');
      });
    });
  }
});
