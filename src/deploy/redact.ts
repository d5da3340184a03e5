/**
 * Credentials never reach the terminal: every line deploy prints passes through a redactor that
 * knows the secrets from the environment and the ones the credential chain resolved (a profile,
 * web identity), and also masks `user:password@` in URLs.
 */
import { redactUrl } from '../util/redact-url.ts';

export interface Redactor {
  /** Adds secrets to mask; short values are ignored, they would mask ordinary words. */
  add(...secrets: (string | undefined)[]): void;
  /** The text with every known secret replaced by `***`. */
  apply(text: string): string;
}

/** Environment variables of the AWS credential chain whose values must never be printed. */
export const SECRET_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

export function createRedactor(env: Record<string, string | undefined> = process.env): Redactor {
  const secrets = new Set<string>();
  const redactor: Redactor = {
    add(...values) {
      for (const value of values) if (value && value.length >= 4) secrets.add(value);
    },
    apply(text) {
      let out = redactUrl(text);
      // Longest first, so a secret that contains another is masked whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
      return out;
    },
  };
  redactor.add(...SECRET_ENV.map((name) => env[name]));
  return redactor;
}
