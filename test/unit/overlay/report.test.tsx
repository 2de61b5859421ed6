import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport, scrubSignal } from '../../../src/overlay/report';
import { buildView } from '../../../src/overlay/view';
import { classify } from '../../../src/detect/classify';
import { parseHtml } from '../../qa/load';
import { missingKeys } from '../flow/locales';
import { detection, flush, mount, pageInput, text, type Mounted } from './helpers';

let current: Mounted | null = null;
afterEach(() => {
  current?.overlay.destroy();
  current = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('QA panel', () => {
  it('opens from the overlay and shows step, flow, alerts, confidence, signals and version', async () => {
    current = await mount(
      {},
      detection({ step: 'code', flow: 'unlock', alerts: ['link-expired'], confidence: 0.734, signals: ['numeric input maxlength 8'] }),
    );
    const toggle = current.$('[data-action="qa"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = current.$$('[data-qa] dl > div').map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
    expect(rows).toEqual([
      ['Paso detectado', 'code'],
      ['Paso elegido', 'ninguno'],
      ['Trámite', 'unlock'],
      ['Avisos', 'link-expired'],
      ['Confianza', '0.73'],
      ['Versión', '9.9.9-test'],
    ]);
    expect(current.$$('[data-qa] .cg-qa-signals li').map(text)).toEqual(['numeric input maxlength 8']);
  });

  it('"Copiar informe" copies JSON with structure only, never what the person typed', async () => {
    const cedula = pageInput('cedula');
    cedula.value = '1700000001';
    const email = pageInput('correo');
    email.value = 'maria.perez@example.com';
    current = await mount(
      {},
      detection({
        step: 'none',
        flow: 'recover',
        alerts: ['data-mismatch'],
        confidence: 0.42,
        candidates: [{ step: 'identity', score: 0.42 }],
        // A careless rule could quote page text that contains a value; the report masks it anyway.
        signals: ['alert data-mismatch: "cedula 1700000001 no coincide"', 'text: maria.perez@example.com', 'has captcha'],
      }),
    );
    current.$<HTMLElement>('[data-pick="identity"]')!.click();
    await flush();
    current.$<HTMLElement>('[data-action="qa"]')!.click();
    await flush();
    current.$<HTMLElement>('[data-action="copy-report"]')!.click();
    await flush();

    expect(current.services.copyText).toHaveBeenCalledTimes(1);
    const json = current.state.copied[0]!;
    expect(json).not.toContain('1700000001');
    expect(json).not.toContain('maria.perez');
    expect(json).not.toContain('example.com');
    const report = JSON.parse(json);
    expect(Object.keys(report).sort()).toEqual(['detected', 'language', 'shown', 'signals', 'tool', 'version']);
    expect(report.detected).toEqual({
      step: 'none',
      flow: 'recover',
      alerts: ['data-mismatch'],
      confidence: 0.42,
      candidates: ['identity:0.42'],
    });
    expect(report.shown).toEqual({ step: 'identity', flow: 'recover', chosenByPerson: true, mode: 'guide' });
    expect(report.version).toBe('9.9.9-test');
    expect(report.signals).toEqual(['alert data-mismatch: "cedula ########## no coincide"', 'text: [@]', 'has captcha']);
    expect(text(current.$('[data-qa]'))).toContain('Informe copiado.');
  });

  it('through the real detector: values typed into a real portal page never reach the report', async () => {
    // The identity page with the cédula typed, and re-rendered by JSF with it in the value attribute too.
    const doc = parseHtml(readFileSync(resolve(import.meta.dirname, '../../corpus/rec-identity-olvide.html'), 'utf8'));
    const typed = '1712345600';
    const cedula = doc.querySelector<HTMLInputElement>('input[type="text"]')!;
    cedula.value = typed;
    cedula.setAttribute('value', typed);
    // And the portal echoing what was typed in its message, as error messages do.
    const echo = doc.createElement('span');
    echo.className = 'ui-messages-error-summary';
    echo.textContent = `La identificación ${typed} (ana.lucia@correo.example) no está registrada`;
    cedula.after(echo);
    const found = classify(doc, 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/faces/inicio.xhtml');
    expect(found.step).toBe('identity');

    current = await mount({}, found);
    current.$<HTMLElement>('[data-action="qa"]')!.click();
    await flush();
    current.$<HTMLElement>('[data-action="copy-report"]')!.click();
    await flush();
    const copied = current.state.copied[0]!;
    const shown = text(current.$('[data-qa]'));
    for (const leaked of [typed, '171234', 'ana.lucia', 'correo.example']) {
      expect(copied).not.toContain(leaked);
      expect(shown).not.toContain(leaked);
    }
    expect(JSON.parse(copied).detected.step).toBe('identity');
  });

  it('says so when copying fails', async () => {
    current = await mount({}, detection());
    current.services.copyText.mockRejectedValueOnce(new Error('denied'));
    current.$<HTMLElement>('[data-action="qa"]')!.click();
    await flush();
    current.$<HTMLElement>('[data-action="copy-report"]')!.click();
    await flush();
    expect(text(current.$('[data-qa]'))).toContain('No se pudo copiar el informe.');
  });

  it('scrubs digit runs and addresses, and caps long signals', () => {
    expect(scrubSignal('ruc 1790000028001 sucursal 0001')).toBe('ruc ############# sucursal ####');
    expect(scrubSignal('x'.repeat(500))).toHaveLength(120);
    expect(scrubSignal('maxlength 10')).toBe('maxlength 10');
    const report = buildReport(null, buildView(null, null, false), '1.0.0', 'es');
    expect(report.detected.step).toBe('none');
    expect(report.signals).toEqual([]);
  });
});

describe('strings', () => {
  const SRC = resolve(import.meta.dirname, '../../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('every message key the overlay, flow and ui code names exists in both locales', () => {
    const keys = new Set<string>();
    for (const file of ['overlay', 'flow', 'ui'].flatMap((dir) => files(join(SRC, dir)))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/'((?:ov|step|stage|alert|flow)[A-Z][A-Za-z0-9]*)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(100);
    expect(missingKeys(keys)).toEqual([]);
  });
});

describe('language', () => {
  it('names the language of the catalogue really shown', async () => {
    const { overlayLanguage } = await import('../../../src/overlay/lang');
    expect(overlayLanguage('es')).toBe('es');
    expect(overlayLanguage('es-EC')).toBe('es-EC');
    expect(overlayLanguage('en_US')).toBe('en-US');
    expect(overlayLanguage('fr')).toBe('es');
    expect(overlayLanguage()).toBe('es');
  });
});
