/**
 * Issue 24 item 2, the value side: the guide's field reader reads `<select>` and `<textarea>` as well as
 * `<input>`, and the birth-date check works when the day and month (and a year) are chosen from lists.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldWatcher, type FieldValues } from '../../../src/content/field-watcher';
import { computeWarnings, type PreparedPerson } from '../../../src/flow/warnings';
import { birthDateSelects, findValueFields, readFieldValue } from '../../../src/page/fields';
import { DEFAULT_KEY_RULES, monthFromName } from '../../../src/validate';
import { form } from './page-form';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const ES_MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type MonthStyle = 'numbers' | 'es-values' | 'es-names' | 'en-names';

const option = (value: string, text: string) => `<option value="${value}">${text}</option>`;
const daySelect = (id: string, label: string | null) =>
  `${label ? `<label for="${id}">${label}</label>` : ''}<select id="${id}">${option('0', '--')}${Array.from({ length: 31 }, (_, i) => option(String(i + 1), String(i + 1))).join('')}</select>`;
function monthSelect(id: string, label: string | null, style: MonthStyle): string {
  const options = Array.from({ length: 12 }, (_, i) => {
    if (style === 'numbers') return option(String(i + 1).padStart(2, '0'), String(i + 1).padStart(2, '0'));
    if (style === 'es-values') return option(String(i + 1), ES_MONTHS[i]!);
    if (style === 'es-names') return option(ES_MONTHS[i]!.toLowerCase(), ES_MONTHS[i]!);
    return option(`m${i}`, EN_MONTHS[i]!);
  });
  return `${label ? `<label for="${id}">${label}</label>` : ''}<select id="${id}">${option('', 'Seleccione')}${options.join('')}</select>`;
}
const yearSelect = (id: string, label: string | null) =>
  `${label ? `<label for="${id}">${label}</label>` : ''}<select id="${id}">${option('', '--')}${Array.from({ length: 80 }, (_, i) => option(String(1945 + i), String(1945 + i))).join('')}</select>`;

const choose = (id: string, index: number) => {
  const select = document.getElementById(id) as HTMLSelectElement;
  select.selectedIndex = index;
  return select;
};

const roles = () => [...findValueFields(document).entries()].map(([role, el]) => `${role}:${el.id}`);

describe('the field reader: lists and text areas', () => {
  it('takes day and month lists by their names, whatever their order, and never a year list', () => {
    form(`${yearSelect('y', 'Año de nacimiento')}${monthSelect('m', 'Mes de nacimiento', 'es-values')}${daySelect('d', 'Día de nacimiento')}`);
    expect(roles()).toEqual(['birth-day:d', 'birth-month:m']);
    expect(birthDateSelects(document)).toEqual({ day: document.getElementById('d'), month: document.getElementById('m') });
  });

  it('takes unnamed lists by their options: 31 numbered days, the 12 months; a year list is neither', () => {
    form(`${monthSelect('m', null, 'en-names')}${yearSelect('y', null)}${daySelect('d', null)}`);
    expect(roles()).toEqual(['birth-day:d', 'birth-month:m']);
  });

  it('skips a list whose name and options disagree, a disabled or hidden list, and other lists', () => {
    form(`${daySelect('d', 'Mes')}${monthSelect('m', 'Mes', 'numbers')}`);
    expect(roles()).toEqual([]);
    form(`<div hidden>${daySelect('d', 'Día')}</div>${monthSelect('m', 'Mes', 'numbers')}`);
    expect(roles()).toEqual([]);
    form(`<label for="q">Pregunta</label><select id="q">${option('a', 'Nombre de su mascota')}${option('b', 'Ciudad')}</select>`);
    expect(roles()).toEqual([]);
  });

  it('reads the Serenity verification page of the regression corpus, whose day and month are lists', () => {
    form(readFileSync('test/corpus/rec-verification-serenity.html', 'utf8').replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, ''));
    expect(roles()).toEqual(['birth-day:frmValidar:dia_input', 'birth-month:frmValidar:mes_input']);
    const found = findValueFields(document);
    // Nothing chosen yet: the "--" placeholder (value 0) reads as empty, not as day 0.
    expect(readFieldValue(found.get('birth-day')!, 'birth-day')).toBe('');
    choose('frmValidar:mes_input', 3);
    expect(readFieldValue(found.get('birth-month')!, 'birth-month')).toBe('3');
  });

  it('a two-digit field named year is never the day or month, typed or chosen', () => {
    form(`<input id="y" maxlength="2" aria-label="Año"><input id="a" maxlength="2"><input id="b" maxlength="2">`);
    expect(roles()).toEqual(['birth-day:a', 'birth-month:b']);
  });

  it('a text area is read like a text field', () => {
    form(`<label for="c">Correo electrónico</label><textarea id="c"></textarea><label for="r">RUC</label><textarea id="r"></textarea>`);
    expect(roles()).toEqual(['ruc:r', 'email:c']);
    (document.getElementById('c') as HTMLTextAreaElement).value = 'ana@example.com';
    expect(readFieldValue(document.getElementById('c') as HTMLTextAreaElement, 'email')).toBe('ana@example.com');
  });

  it('a chosen month reads as its number, by value or by name; a placeholder or unknown option reads empty', () => {
    for (const style of ['numbers', 'es-values', 'es-names', 'en-names'] as const) {
      form(monthSelect('m', 'Mes', style));
      expect(readFieldValue(choose('m', 0), 'birth-month'), style).toBe('');
      expect(Number(readFieldValue(choose('m', 3), 'birth-month')), style).toBe(3);
      expect(Number(readFieldValue(choose('m', 12), 'birth-month')), style).toBe(12);
    }
    form(`<select id="x">${option('x', 'Mzo')}</select>`);
    expect(readFieldValue(choose('x', 0), 'birth-month')).toBe('');
    // A day list never reads a name.
    form(`<select id="x">${option('mayo', 'Mayo')}</select>`);
    expect(readFieldValue(choose('x', 0), 'birth-day')).toBe('');
  });

  it('month names: Spanish and English, whole or shortened; anything else is no month', () => {
    expect(['Marzo', 'MARCH', 'mar.', 'Setiembre', 'Sept', 'ago', 'Dec', 'diciembre'].map(monthFromName)).toEqual([3, 3, 3, 9, 9, 8, 12, 12]);
    expect(['--', 'Seleccione', 'ma', '', 'marzos', '3'].map(monthFromName)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

const MAMA: PreparedPerson = { label: 'Mamá', birthDay: 14, birthMonth: 3 };
const check = (values: FieldValues) =>
  computeWarnings({ step: 'verification', values, person: MAMA, keyRules: DEFAULT_KEY_RULES }).map((w) => `${w.anchor}:${w.code}`);

describe('the birth-date check on a page of lists', () => {
  /** A watcher on the current page that polls rarely: only events make it read within a test. */
  function watch() {
    vi.useFakeTimers();
    const seen: FieldValues[] = [];
    const watcher = new FieldWatcher({ doc: document, onChange: (v) => seen.push(v), pollMs: 60_000 });
    watcher.watch(['birth-day', 'birth-month']);
    return { watcher, warnings: () => check(seen.at(-1) ?? new Map()), reads: () => seen.length };
  }
  const pick = (id: string, index: number) => choose(id, index).dispatchEvent(new Event('change', { bubbles: true }));

  it('a matching date: no warning; a wrong day or month: the warning beside it; corrected: gone', () => {
    form(`${daySelect('d', 'Día')}${monthSelect('m', 'Mes', 'es-values')}${yearSelect('y', 'Año')}`);
    const { watcher, warnings } = watch();
    pick('d', 14);
    pick('m', 3);
    pick('y', 30);
    expect(warnings()).toEqual([]);
    pick('d', 15);
    expect(warnings()).toEqual(['birth-day:birth-day-differs']);
    pick('d', 14);
    pick('m', 4);
    expect(warnings()).toEqual(['birth-month:birth-month-differs']);
    pick('m', 3);
    expect(warnings()).toEqual([]);
    expect(watcher.elements.get('birth-month')?.id).toBe('m');
    watcher.destroy();
  });

  it('half chosen: no warning yet, even with a day that is not hers', () => {
    form(`${daySelect('d', 'Día')}${monthSelect('m', 'Mes', 'en-names')}`);
    const { watcher, warnings } = watch();
    pick('d', 2);
    expect(warnings()).toEqual([]);
    pick('m', 3);
    expect(warnings()).toEqual(['birth-day:birth-day-differs']);
    // Back to the placeholder: the month is not chosen any more, so nothing is said.
    pick('m', 0);
    expect(warnings()).toEqual([]);
    watcher.destroy();
  });

  it('a change event alone re-checks (a list fires no input event on some pages); 31 February is impossible', () => {
    form(`${daySelect('d', 'Día')}${monthSelect('m', 'Mes', 'numbers')}`);
    const { watcher, warnings, reads } = watch();
    const before = reads();
    pick('d', 31);
    pick('m', 2);
    expect(reads()).toBe(before + 2);
    expect(warnings()).toEqual(['birth-day:birth-impossible-date']);
    watcher.destroy();
  });

  it('property: whatever the order, labels and month style, the chosen date is read back and compared', () => {
    const styles = fc.constantFrom<MonthStyle>('numbers', 'es-values', 'es-names', 'en-names');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        styles,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('none', 'before', 'after'),
        (day, month, style, labelled, monthFirst, year) => {
          const parts = [daySelect('d', labelled ? 'Día de nacimiento' : null), monthSelect('m', labelled ? 'Mes de nacimiento' : null, style)];
          if (monthFirst) parts.reverse();
          if (year === 'before') parts.unshift(yearSelect('y', labelled ? 'Año' : null));
          if (year === 'after') parts.push(yearSelect('y', labelled ? 'Año' : null));
          form(parts.join(''));
          const found = findValueFields(document);
          choose('d', day);
          choose('m', month);
          const values = new Map([...found].map(([role, el]) => [role, readFieldValue(el, role)] as const));
          expect(values).toEqual(new Map([['birth-day', String(day)], ['birth-month', style === 'numbers' ? String(month).padStart(2, '0') : String(month)]]));
          const expected = [...(day !== MAMA.birthDay ? ['birth-day:birth-day-differs'] : []), ...(month !== MAMA.birthMonth ? ['birth-month:birth-month-differs'] : [])];
          expect(check(values)).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
