import { wrap, type Remote } from 'comlink';
import type { RunConfig } from '../core/config';
import type { Exploration } from '../core/explorer';
import type { ExplorerWorkerApi } from '../workers/explorerApi';
import { watchWorkerEnd, type WorkerEnd } from './workerEnd';

/** Why a search did not answer; the message is meant for the page. */
export class ExplorerError extends Error {
  constructor(
    readonly kind: 'stopped' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ExplorerError';
  }
}

interface Connection extends WorkerEnd<ExplorerError> {
  api: Remote<ExplorerWorkerApi>;
}

/**
 * The explorer's worker, started on first use and kept between searches. A search cannot be
 * interrupted from outside, so stopping one terminates the worker; the next search starts anew.
 */
export class ExplorerClient {
  private connection: Connection | null = null;

  /** Every reachable final value of `config`, searched off the main thread. */
  explore(config: RunConfig): Promise<Exploration> {
    return this.call((api) => api.explore(config));
  }

  /** A schedule that ends at `final`, or null when none does. */
  witness(config: RunConfig, final: number): Promise<number[] | null> {
    return this.call((api) => api.witness(config, final));
  }

  /** End any search in flight at once; its promise rejects with kind 'stopped'. */
  stop(): void {
    this.connection?.end(new ExplorerError('stopped', 'The search was stopped.'));
  }

  private async call<T>(ask: (api: Remote<ExplorerWorkerApi>) => Promise<T>): Promise<T> {
    const c = (this.connection ??= this.connect());
    return c.race(ask(c.api));
  }

  private connect(): Connection {
    const worker = new Worker(new URL('../workers/explorer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'outcome explorer',
    });
    const connection: Connection = {
      api: wrap<ExplorerWorkerApi>(worker),
      ...watchWorkerEnd(
        worker,
        (why) => new ExplorerError('failed', `The explorer failed: ${why}`),
        () => {
          if (this.connection === connection) this.connection = null;
        },
      ),
    };
    return connection;
  }
}

let client: ExplorerClient | null = null;
/** The page's one explorer, created on first use. */
export const getExplorer = (): ExplorerClient => (client ??= new ExplorerClient());
/** End the explorer's worker, if it has one, and any search in flight. */
export const stopExplorer = (): void => client?.stop();
