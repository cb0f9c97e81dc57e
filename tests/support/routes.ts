import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './platform.ts';

/** The web app's routes folder: the route tree the sweeps read, so that a new route is covered the day it lands. */
export const routesDir = path.join(repoRoot, 'apps/web/src/routes');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'] as const;

/** One route of the web app as the files under src/routes declare it. */
export interface WebRoute {
  /** SvelteKit's route id, such as `/(app)/workshops/[id]/exports/new`. */
  id: string;
  /** The URL path pattern, groups removed: `/workshops/[id]/exports/new`. */
  pattern: string;
  /** The route groups it is in, such as `(app)`. */
  groups: string[];
  /** The names of its parameters, in order. */
  params: string[];
  /** Whether it has a page (`+page.svelte` or a page module): GET and its `__data.json`. */
  page: boolean;
  /** The form actions of its `+page.server.ts` (`default` for a default action). */
  actions: string[];
  /** The methods its `+server.ts` exports. */
  endpointMethods: string[];
}

/** The names of the properties of `export const actions = { … }` in a `+page.server.ts`. */
function actionNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'actions') continue;
      let init = declaration.initializer;
      while (
        init &&
        (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))
      )
        init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) {
        throw new Error(`${source.fileName}: the sweep reads actions from an object literal`);
      }
      for (const property of init.properties) {
        const name = property.name;
        if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.push(name.text);
        else throw new Error(`${source.fileName}: an action the sweep cannot name`);
      }
    }
  }
  return names;
}

/** The names a module exports: declarations and `export { … }` lists (re-exports included). */
function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if (exported && ts.isFunctionDeclaration(statement) && statement.name) {
      names.push(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/**
 * Every route of the web app, read from its files: pages (`+page.svelte`) with the actions of
 * their `+page.server.ts`, and endpoints (`+server.ts`) with the methods they export.
 */
export function discoverRoutes(dir = routesDir): WebRoute[] {
  const routes: WebRoute[] = [];
  const walk = (folder: string, segments: string[]) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    const has = (name: string) => existsSync(path.join(folder, name));
    // A +page.server.ts alone (a form action whose load redirects) is a page for SvelteKit too.
    const page = ['+page.svelte', '+page.ts', '+page.js', '+page.server.ts', '+page.server.js'].some(has);
    const endpoint = has('+server.ts') || has('+server.js');
    if (page || endpoint) {
      const visible = segments.filter((segment) => !/^\(.+\)$/.test(segment));
      const pageServer = has('+page.server.ts') ? parse(path.join(folder, '+page.server.ts')) : undefined;
      // A page that re-exports another's module (`export { load } from …`) has no actions of its own.
      const actions = pageServer ? actionNames(pageServer) : [];
      if (pageServer && exportedNames(pageServer).includes('actions') && actions.length === 0) {
        throw new Error(
          `${pageServer.fileName}: actions re-exported from elsewhere; teach the sweep to read them`,
        );
      }
      const endpointFile = has('+server.ts')
        ? path.join(folder, '+server.ts')
        : path.join(folder, '+server.js');
      routes.push({
        id: `/${segments.join('/')}`,
        pattern: `/${visible.join('/')}`,
        groups: segments.filter((segment) => /^\(.+\)$/.test(segment)),
        params: segments.flatMap((segment) =>
          [...segment.matchAll(/\[+(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]+/g)].map((m) => m[1]!),
        ),
        page,
        actions,
        endpointMethods: endpoint
          ? exportedNames(parse(endpointFile)).filter((name) =>
              (HTTP_METHODS as readonly string[]).includes(name),
            )
          : [],
      });
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), [...segments, entry.name]);
    }
  };
  walk(dir, []);
  return routes.sort((a, b) => a.id.localeCompare(b.id));
}

/** A route's path with its parameters filled in (each value is URL-encoded unless `raw`). */
export function fillPath(
  route: WebRoute,
  values: Record<string, string>,
  options: { raw?: boolean } = {},
): string {
  const filled = route.pattern.replace(/\[+(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]+/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] of ${route.id}`);
    return options.raw ? value : encodeURIComponent(value);
  });
  return filled === '' ? '/' : filled;
}

/** The `__data.json` address of a page, as SvelteKit's router asks for it. */
export function dataPath(pagePath: string): string {
  return pagePath === '/' ? '/__data.json' : `${pagePath.replace(/\/$/, '')}/__data.json`;
}
