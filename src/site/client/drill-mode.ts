/**
 * Drill mode's entry in every page's script: "Run a drill" in the drill history, or the drill
 * stored for this runbook, resumed. The rest (drill-ui.ts) loads only then, so a runbook page's
 * first load carries one button of it.
 */
import { drillKey } from '../../drills/drill-key.ts';

const stored = (runbook: string) => {
  try {
    return Boolean(localStorage.getItem(drillKey(runbook)));
  } catch {
    return false; // storage disabled: nothing to resume
  }
};

/** `root`: where the page's runbook is (the single-file edition renders one at a time into a view). */
export function initDrillMode(root: ParentNode = document): void {
  const panel = root.querySelector<HTMLElement>('[data-lb-drill]');
  const slot = root.querySelector<HTMLElement>('[data-lb-drill-start]');
  const runbook = panel?.closest<HTMLElement>('[data-runbook]')?.dataset.runbook;
  // The edition shows runbooks in turn: a drill of the one shown before no longer holds the top row.
  document.body.classList.remove('lb-drill-active');
  if (!panel || !slot || !runbook) return;
  const mount = (open: boolean) => {
    if (!panel.isConnected) return; // the edition may have shown another runbook since
    void import('./drill-ui.ts').then((ui) => ui.mountDrill(panel, slot, open));
  };
  if (stored(runbook)) return mount(false);
  slot.innerHTML = '<button type="button" class="lb-button" aria-expanded="false">Run a drill of this runbook</button>';
  slot.hidden = false;
  slot.firstElementChild!.addEventListener('click', () => mount(true), { once: true });
}
