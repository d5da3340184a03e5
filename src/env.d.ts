/// <reference path="../.astro/types.d.ts" />

declare namespace App {
  interface Locals {
    /** Set by the runbook page for the MDX components rendered inside it. */
    lifeboat?: {
      view: import('./site/runbook-view.ts').RunbookView;
      /** Counter for DOM ids of commands written in the MDX body. */
      nextCommand: number;
    };
  }
}
