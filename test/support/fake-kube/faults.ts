/**
 * Injected faults: latency, 429/5xx, malformed bodies, hangs and expired continue tokens. Each
 * rule fires a bounded number of times, so a retrying client always gets through eventually
 * unless the test asks for a fault on every request.
 */
import type { FaultRule } from './types.ts';

/** What to do with one request: wait `latencyMs`, then apply `effect` (if any). */
export interface FaultDecision {
  latencyMs: number;
  effect?: FaultRule;
  /** Names of the faults that fired, for the request log. */
  label?: string;
}

const hasEffect = (r: FaultRule) => Boolean(r.status || r.malformedJson || r.hang || r.expireContinue);

function effectName(r: FaultRule): string {
  if (r.status) return `status:${r.status}`;
  if (r.malformedJson) return 'malformedJson';
  if (r.hang) return 'hang';
  return 'expireContinue';
}

function matches(rule: FaultRule, path: string): boolean {
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/** Holds the active rules and how many times each may still fire. */
export class FaultInjector {
  #rules: { rule: FaultRule; remaining: number }[] = [];

  /** Replaces all rules (an empty array removes every fault). */
  set(rules: FaultRule[]): void {
    for (const rule of rules) {
      if (rule.path instanceof RegExp && (rule.path.global || rule.path.sticky)) {
        throw new Error('fake-kube: a fault path RegExp must not be global or sticky (test() would keep state between requests).');
      }
    }
    this.#rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Infinity }));
  }

  /**
   * Picks the faults for a request: latency from every matching rule, and the first matching
   * effect. A rule is used up only when it fires.
   */
  decide(path: string, hasContinue: boolean): FaultDecision {
    let latencyMs = 0;
    let effect: FaultRule | undefined;
    const fired: string[] = [];
    for (const entry of this.#rules) {
      const { rule } = entry;
      if (entry.remaining <= 0 || !matches(rule, path)) continue;
      if (rule.expireContinue && !hasContinue) continue;
      const effectful = hasEffect(rule);
      if (effectful && effect) continue;
      entry.remaining--;
      if (rule.latencyMs) {
        latencyMs += rule.latencyMs;
        fired.push('latency');
      }
      if (effectful) {
        effect = rule;
        fired.push(effectName(rule));
      }
    }
    return { latencyMs, effect, label: fired.length ? fired.join(',') : undefined };
  }
}
