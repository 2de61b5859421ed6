/**
 * Replies typed like requests (issue 24): every reply is parsed once, in src/messages/replies.ts, into its
 * request's reply type or a safe default; nothing else in src/ reads a raw reply or casts one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { TO_BACKGROUND } from '../../../src/messages';
import { ask, askTab, parseActivePerson, parseCatalogue, REPLY_PARSERS, tell, NO_SIDE } from '../../../src/messages/replies';

const SRC = resolve(import.meta.dirname, '../../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/** Where replies may be read raw: the parsers (messages/) and the browser adapter that declares `sendMessage`. */
const REPLY_HOMES = ['messages/', 'platform/'];

/** Every `…sendMessage(…)` call, every `as` cast and `<T>` assertion (but `as const`), by file:line. */
function scan(file: string, text = readFileSync(file, 'utf8')): { sends: string[]; casts: string[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const sends: string[] = [];
  const casts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'sendMessage') sends.push(where(node));
    if ((ts.isAsExpression(node) && node.type.getText(source) !== 'const') || ts.isTypeAssertionExpression(node)) casts.push(where(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sends, casts };
}

describe('replies are parsed once, in src/messages/', () => {
  const files = sources(SRC);

  it('no code outside messages/ and platform/ calls sendMessage (so none reads or casts a raw reply)', () => {
    const outside = files.filter((f) => !REPLY_HOMES.some((home) => relative(SRC, f).startsWith(home)));
    const mentions = outside.filter((f) => readFileSync(f, 'utf8').includes('sendMessage'));
    expect(mentions.flatMap((f) => scan(f).sends)).toEqual([]);
  });

  it('the reply parsers cast nothing', () => {
    expect(scan(resolve(SRC, 'messages/replies.ts')).casts).toEqual([]);
  });

  it('the scan sees a send and a cast when there is one (it can fail)', () => {
    const probe = "const a = (await api.runtime.sendMessage({ type: 'side:get' })) as SideStatus;\nconst b = [1] as const;";
    expect(scan(resolve(SRC, 'content/probe.ts'), probe)).toEqual({ sends: ['content/probe.ts:1'], casts: ['content/probe.ts:1'] });
  });

  it('every request kind has a reply parser', () => {
    expect(Object.keys(REPLY_PARSERS).sort()).toEqual(Object.keys(TO_BACKGROUND).sort());
  });
});

const MALFORMED: unknown[] = [undefined, null, 0, 1, 'true', [], [true], {}, { type: 'x' }, () => true];

describe('reply parsers give a typed value or the safe default', () => {
  it('a "done" reply is true only for true', () => {
    for (const kind of ['ticks:set', 'settings:patch', 'site:hide', 'data:erase', 'page:step', 'side:open', 'estimator:load', 'guide:load', 'countdown:start', 'countdown:stop'] as const) {
      expect(REPLY_PARSERS[kind](true), kind).toBe(true);
      for (const raw of MALFORMED) expect(REPLY_PARSERS[kind](raw), `${kind} ${String(raw)}`).toBe(false);
    }
  });

  it('ticks keep only boolean ticks; anything else is no ticks', () => {
    expect(REPLY_PARSERS['ticks:get']({ a: true, b: 'x', c: false })).toEqual({ a: true, c: false });
    for (const raw of MALFORMED) expect(REPLY_PARSERS['ticks:get'](raw)).toEqual({});
  });

  it('the side status falls back to "closed, not available"', () => {
    expect(REPLY_PARSERS['side:get']({ open: true, showing: 'identity', available: true })).toEqual({ open: true, showing: 'identity', available: true });
    expect(REPLY_PARSERS['side:get']({ open: true, showing: '<img>', available: 'yes' })).toEqual({ open: true, showing: null, available: false });
    for (const raw of [...MALFORMED, { open: 'true' }]) expect(REPLY_PARSERS['side:get'](raw)).toEqual(NO_SIDE);
  });

  it('the active person needs a label and keeps only well-typed fields', () => {
    expect(parseActivePerson({ label: 'Mamá', cedula: '1710034065', email: 'm@example.com', birthDay: 3, birthMonth: 11, names: 'Ana', id: 'p1', preflight: { a: true } })).toEqual({
      label: 'Mamá',
      cedula: '1710034065',
      email: 'm@example.com',
      birthDay: 3,
      birthMonth: 11,
      names: 'Ana',
    });
    expect(parseActivePerson({ label: 'Yo', cedula: 5, birthDay: 3 })).toEqual({ label: 'Yo' });
    expect(parseActivePerson({ label: 'Yo', birthDay: 3.5, birthMonth: 2 })).toEqual({ label: 'Yo' });
    expect(parseActivePerson({ label: 'x'.repeat(500) })?.label).toHaveLength(40);
    for (const raw of [...MALFORMED, { label: '' }, { label: '  ' }, { label: 7 }, { cedula: '1710034065' }]) expect(parseActivePerson(raw)).toBeNull();
  });

  it('a catalogue keeps only well-formed entries', () => {
    expect(parseCatalogue({ a: { message: 'Hola' }, b: { message: 'Hola $1', placeholders: { n: { content: '$1' } } }, c: { message: 3 }, d: 'x', e: { message: 'y', placeholders: { n: 1 } } })).toEqual({
      a: { message: 'Hola' },
      b: { message: 'Hola $1', placeholders: { n: { content: '$1' } } },
    });
    for (const raw of [...MALFORMED, { a: 'x' }]) expect(parseCatalogue(raw)).toBeNull();
  });
});

describe('ask, askTab, tell', () => {
  it('send at once, and parse the answer', async () => {
    const sendMessage = vi.fn(() => Promise.resolve({ open: true, showing: null, available: true }));
    const answer = ask({ sendMessage }, { type: 'side:get' });
    // Before any await: a click's user action is still current when the message leaves.
    expect(sendMessage).toHaveBeenCalledWith({ type: 'side:get' });
    expect(await answer).toEqual({ open: true, showing: null, available: true });
  });

  it('a rejected or throwing send gives the safe default', async () => {
    expect(await ask({ sendMessage: () => Promise.reject(new Error('no receiver')) }, { type: 'guide:load' })).toBe(false);
    const gone = () => {
      throw new Error('Extension context invalidated');
    };
    expect(await ask({ sendMessage: gone }, { type: 'person:active', step: 'identity' })).toBeNull();
    expect(await askTab({ sendMessage: gone }, 3, { type: 'copy:make' })).toBeNull();
    await expect(tell({ sendMessage: gone }, 3, { type: 'data:erased' })).resolves.toBeUndefined();
  });

  it('a tab answers a copy through the copy parser', async () => {
    const removed = { person: 2 };
    const answer = await askTab({ sendMessage: () => Promise.resolve({ html: '<p></p>', preview: 'p', url: 'https://x/', removed }) }, 3, { type: 'copy:make' });
    expect(answer?.html).toBe('<p></p>');
    expect(await askTab({ sendMessage: () => Promise.resolve({ html: 5 }) }, 3, { type: 'copy:make' })).toBeNull();
  });
});
