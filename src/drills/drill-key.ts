/** Where drill mode keeps a runbook's drill: its own module so every page's first load carries only this (see drill-mode.ts). */
export const drillKey = (runbook: string) => `lifeboat:drill:${runbook}`;
