import { type RouteDefinition, routeKey } from '../../../functions/shared/definitions/routes.ts';

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
}

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: string[];
}

/** Matches requests to the route table the way API Gateway does: exact method, `{name}` and `{name+}` parameters. */
export function createRouter(routes: readonly RouteDefinition[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .replace(/[.*?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{([^}]+)\}/g, (_, name: string) => {
        if (name.endsWith('+')) {
          names.push(name.slice(0, -1));
          return '(.+)';
        }
        names.push(name);
        return '([^/]+)';
      });
    return { route, pattern: new RegExp(`^${source}$`), names };
  });
  return (method: string, path: string): RouteMatch | undefined => {
    for (const { route, pattern, names } of compiled) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const pathParameters = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return { route, routeKey: routeKey(route), pathParameters };
    }
    return undefined;
  };
}
