import { errorsData, type ErrorCode, type ErrorParams } from './errors-data.ts';
import { noPosition, type Issue, type Position } from './issue.ts';

/** Where an issue sits: the file, the path inside it, and the source position when known. */
export interface IssueSite {
  file: string;
  path?: (string | number)[];
  position?: Position;
  /** The cluster a finding is about, when it is about one. */
  cluster?: string;
}

/** Builds an issue from the catalogue, so wording lives in one place. */
export function createIssue<C extends ErrorCode>(code: C, site: IssueSite, params: ErrorParams<C>): Issue {
  const data = errorsData[code] as unknown as {
    severity: Issue['severity'];
    message: (p: unknown) => string;
    hint?: (p: unknown) => string | undefined;
  };
  const hint = data.hint?.(params);
  return {
    code,
    severity: data.severity,
    file: site.file,
    path: site.path ?? [],
    position: site.position ?? noPosition,
    message: data.message(params),
    ...(hint ? { hint } : {}),
    ...(site.cluster ? { cluster: site.cluster } : {}),
  };
}

/**
 * Thrown only for bugs in Lifeboat itself, never for bad input (bad input becomes an `Issue`).
 * The text asks the reader to report it, because nothing they change in their runbooks will help.
 */
export class InternalError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(
      `${what}\nThis is a bug in Lifeboat, not in your runbooks. Please file an issue with this message and the command you ran.`,
      options,
    );
    this.name = 'InternalError';
  }
}
