import type { AppConfig } from '@lastmile/config';
import { parseUrlAllowlist } from '@lastmile/adapters';
import type { FieldProblem } from '../common/problem.exception';

/** Server-side rules an API caller cannot override: command adapters and the URL allow-list. */
export function checkAdapterAllowed(adapter: unknown, config: AppConfig): FieldProblem | null {
  const spec = adapter as { kind: string; baseUrl?: string; url?: string };
  if (spec.kind === 'command' && !config.LASTMILE_ALLOW_COMMAND_ADAPTERS) {
    return {
      field: 'adapter.kind',
      reason:
        'command adapters are disabled on this server (LASTMILE_ALLOW_COMMAND_ADAPTERS=true enables them)',
    };
  }
  const url = spec.baseUrl ?? spec.url;
  if (url) {
    // Names resolving to allowed addresses are checked again at call time, inside the socket's lookup.
    const policy = parseUrlAllowlist(config.LASTMILE_URL_ALLOWLIST);
    const host = safeHost(url);
    if (
      host !== undefined &&
      policy.classify(new URL(url.replace(/\{\{[^}]*\}\}/g, 'x'))) === 'denied'
    ) {
      return {
        field: spec.baseUrl ? 'adapter.baseUrl' : 'adapter.url',
        reason: `host ${host} is not in LASTMILE_URL_ALLOWLIST`,
      };
    }
  }
  return null;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url.replace(/\{\{[^}]*\}\}/g, 'x')).hostname;
  } catch {
    return undefined;
  }
}
