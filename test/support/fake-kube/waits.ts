/**
 * Timers behind injected latency and hangs, all tracked so that `close()` ends them: a test
 * never waits on a fake server that is already gone, and no timer keeps the process alive.
 */
import type { ServerResponse } from 'node:http';

export class Waits {
  #pending = new Set<() => void>();

  /**
   * Resolves true after `ms`, or false as soon as the client goes away or the server closes
   * (then nothing must be sent).
   */
  delay(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        res.off('close', gone);
        this.#pending.delete(cancel);
        resolve(ok);
      };
      const cancel = () => finish(false);
      const gone = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      timer.unref();
      res.once('close', gone);
      this.#pending.add(cancel);
    });
  }

  /** Never answers: the socket is destroyed after `ms`, when the client gives up, or on close. */
  hang(res: ServerResponse, ms: number): void {
    void this.delay(ms, res).then((elapsed) => {
      if (elapsed) res.destroy();
    });
  }

  /** Ends every pending wait (the server is closing and will destroy the sockets). */
  cancelAll(): void {
    for (const cancel of [...this.#pending]) cancel();
  }
}
