import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * src/validate stays pure: it runs in the content script, the popup and tests alike, and it sees the new key.
 * So: no imports from outside the folder (but the pure text normaliser), no page, extension, storage, timer or
 * console globals.
 */
const DIR = resolve(import.meta.dirname, '../../../src/validate');
/** Pure modules elsewhere that validate may share: the project's one text normaliser. */
const ALLOWED_OUTSIDE = new Set(['../text/fold']);
const FORBIDDEN_GLOBALS = new Set(['document', 'window', 'globalThis', 'self', 'chrome', 'browser', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'console', 'setTimeout', 'setInterval', 'postMessage', 'fetch']);

function problems(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(resolve(DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const from = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '';
      if (from && !/^\.\/[\w-]+$/.test(from) && !ALLOWED_OUTSIDE.has(from)) found.push(`${file}: imports ${from}`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push(`${file}: dynamic import`);
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isPropertyName) found.push(`${file}: uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('src/validate is pure', () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.ts'));

  it('has the expected modules', () => {
    expect(files.sort()).toEqual(['birth-date.ts', 'cedula.ts', 'email.ts', 'index.ts', 'masked-email.ts', 'new-key.ts', 'ruc.ts', 'strength.ts']);
  });

  it('imports only its own modules and touches no page, extension or console global', () => {
    expect(files.flatMap(problems)).toEqual([]);
  });
});
