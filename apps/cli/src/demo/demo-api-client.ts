/** The demo talks to the service the way a user would: over HTTP, with an API key. */
export class DemoApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request('PATCH', path, body);
  }

  async upload<T>(
    path: string,
    name: string,
    filename: string,
    data: Buffer,
    purpose?: 'evaluation' | 'monitoring',
  ): Promise<T> {
    const form = new FormData();
    form.set('name', name);
    if (purpose) form.set('purpose', purpose);
    form.set('file', new Blob([data]), filename);
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}` },
      body: form,
    });
    return this.read(response, `POST ${path}`);
  }

  /** A non-JSON resource, such as a run report. */
  async text(path: string): Promise<string> {
    const response = await fetch(this.baseUrl + path, {
      headers: { authorization: `Bearer ${this.key}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.text();
  }

  withKey(key: string): DemoApiClient {
    return new DemoApiClient(this.baseUrl, key);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.read(response, `${method} ${path}`);
  }

  private async read<T>(response: Response, what: string): Promise<T> {
    const text = await response.text();
    if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
