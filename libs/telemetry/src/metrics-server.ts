import { createServer } from 'node:http';
import { registry } from './prometheus';

/** The Prometheus endpoint of a runner that has no API in its process. */
export async function startMetricsServer(
  port: number,
  host = '0.0.0.0',
): Promise<() => Promise<void>> {
  const server = createServer(async (request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
