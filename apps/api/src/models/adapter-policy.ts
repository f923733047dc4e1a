import type { ServerPolicy } from '@lastmile/adapters';
import type { FieldProblem } from '../common/problem.exception';

/**
 * Server-side rules an API caller cannot override: command adapters and their programs, the URL
 * allow-list, which environment variables may hold the key, and no credential headers.
 */
export function adapterRefusals(adapter: unknown, policy: ServerPolicy): FieldProblem[] {
  const spec = adapter as { kind: string; baseUrl?: string; url?: string; argv?: string[] };
  const problems: FieldProblem[] = policy
    .specRefusals(spec)
    .map(({ path, reason }) => ({ field: `adapter.${path}`, reason }));
  if (spec.kind === 'command') {
    const reason = policy.commandRefusal(spec.argv?.[0]);
    if (reason)
      problems.push({
        field: policy.allowCommand ? 'adapter.argv[0]' : 'adapter.kind',
        reason,
      });
  }
  const url = spec.baseUrl ?? spec.url;
  const host = url === undefined ? undefined : safeHost(url);
  // Names resolving to allowed addresses are checked again at call time, inside the socket's lookup.
  if (host !== undefined && policy.urls.classify(new URL(withoutPlaceholders(url!))) === 'denied') {
    problems.push({
      field: spec.baseUrl ? 'adapter.baseUrl' : 'adapter.url',
      reason: `host ${host} is not in LASTMILE_URL_ALLOWLIST`,
    });
  }
  return problems;
}

const withoutPlaceholders = (url: string) => url.replace(/\{\{[^}]*\}\}/g, 'x');

function safeHost(url: string): string | undefined {
  try {
    return new URL(withoutPlaceholders(url)).hostname;
  } catch {
    return undefined;
  }
}
