/**
 * A pool of evaluator threads (evaluator-thread.ts) for the screening worker: applicants are judged on every core,
 * and the thread serving requests stays free. Each thread numbers its fragments itself and sends each text once;
 * the pool answers every item by its fragment text, which the worker numbers in the screening's own fragments.
 * Threads need a database file to read the rules from (not `:memory:`).
 */
import { Worker } from 'node:worker_threads';
import type { Packed } from '../domain/screening/stored-answer.ts';

export type Task = { id: number; version: string; asOf: string; profiles: unknown[] };
export type TaskAnswer = { id: number; ok: true; answers: Packed[]; fresh: string[] } | { id: number; ok: false; error: string };

type Pending = { version: string; resolve: (answers: Packed<string>[]) => void; reject: (error: Error) => void };

class EvaluatorThread {
  readonly worker: Worker;
  /** Fragment texts by the thread's numbers, per ruleset version. */
  readonly #texts = new Map<string, string[]>();
  readonly #pending = new Map<number, Pending>();

  constructor(databasePath: string) {
    // The app runs its TypeScript through tsx, whose loader a worker thread does not inherit: the thread registers it.
    const entry = JSON.stringify(new URL('./evaluator-thread.ts', import.meta.url).href);
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
    this.worker = new Worker(bootstrap, { eval: true, workerData: { databasePath } });
    this.worker.on('message', (answer: TaskAnswer) => this.#answered(answer));
    this.worker.on('error', (error) => this.#failAll(error));
    this.worker.on('exit', (code) => this.#failAll(new Error(`evaluator thread exited (${code})`)));
    // An idle thread does not keep the process alive; one with work does.
    this.worker.unref();
  }

  get load(): number {
    return this.#pending.size;
  }

  send(task: Task): Promise<Packed<string>[]> {
    return new Promise((resolve, reject) => {
      this.#pending.set(task.id, { version: task.version, resolve, reject });
      this.worker.ref();
      this.worker.postMessage(task);
    });
  }

  #answered(answer: TaskAnswer): void {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (this.#pending.size === 0) this.worker.unref();
    if (!answer.ok) return pending.reject(new Error(answer.error));
    let texts = this.#texts.get(pending.version);
    if (!texts) this.#texts.set(pending.version, (texts = []));
    texts.push(...answer.fresh);
    const textOf = (no: number) => texts[no]!;
    pending.resolve(answer.answers.map((packed) => ({ ...packed, l: packed.l.map((list) => list.map(([no, amount]): [string, number | null] => [textOf(no), amount])) })));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

export class EvaluatorPool {
  readonly #threads: EvaluatorThread[];
  #nextId = 1;

  constructor(databasePath: string, readonly size: number) {
    this.#threads = Array.from({ length: size }, () => new EvaluatorThread(databasePath));
  }

  /** The applicants' summaries, packed, each item given by its fragment's text. */
  screen(version: string, asOf: string, profiles: unknown[]): Promise<Packed<string>[]> {
    const thread = this.#threads.reduce((a, b) => (b.load < a.load ? b : a));
    return thread.send({ id: this.#nextId++, version, asOf, profiles });
  }

  /** Builds a version's ruleset in every thread ahead of the first screening (a server does it at start). */
  async warm(version: string): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.send({ id: this.#nextId++, version, asOf: '2000-01-01', profiles: [] })));
  }

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }
}
