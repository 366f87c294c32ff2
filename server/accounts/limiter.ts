/** Raised when the line of waiting work is full: the caller answers 503 rather than queueing without bound. */
export class BusyError extends Error {
  constructor() {
    super('busy');
  }
}

/**
 * At most `running` tasks at once; up to `waiting` more wait their turn. Password checks run on libuv's small thread
 * pool, shared with file reads and gzip: a burst of sign-ins must not starve everything else.
 */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) throw new BusyError();
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      // Hand the place straight to the next in line, or give it back.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
