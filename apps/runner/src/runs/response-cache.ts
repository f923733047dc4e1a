import type { DataSource } from 'typeorm';

/** Per-plan optional cache of model answers (off by default: monitoring must call the model). */
export class ResponseCache {
  constructor(private readonly dataSource: DataSource) {}

  async get(key: string): Promise<string | undefined> {
    const rows: { response: string }[] = await this.dataSource.query(
      'SELECT response FROM response_cache WHERE key = $1',
      [key],
    );
    return rows[0]?.response;
  }

  async set(key: string, response: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO response_cache (key, response) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [key, response],
    );
  }
}
