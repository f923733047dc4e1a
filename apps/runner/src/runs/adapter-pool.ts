import { createAdapter, parseUrlAllowlist, type ModelAdapter } from '@lastmile/adapters';
import type { Model } from '@lastmile/persistence';

/** One adapter per model version per process: its concurrency and rate limits live in it. */
export class AdapterPool {
  private readonly adapters = new Map<string, ModelAdapter>();

  constructor(private readonly options: { allowCommand: boolean; urlAllowlist: string }) {}

  /** The SSRF allow-list adapters were built with; scorers the runner creates use it too. */
  get urlAllowlist(): string {
    return this.options.urlAllowlist;
  }

  get(model: Model): ModelAdapter {
    const key = `${model.id}:${model.adapterHash}`;
    let adapter = this.adapters.get(key);
    if (!adapter) {
      adapter = createAdapter(model.adapter as never, {
        allowCommand: this.options.allowCommand,
        urlPolicy: parseUrlAllowlist(this.options.urlAllowlist),
      });
      this.adapters.set(key, adapter);
    }
    return adapter;
  }

  async close(): Promise<void> {
    await Promise.all([...this.adapters.values()].map((adapter) => adapter.close?.()));
    this.adapters.clear();
  }
}
