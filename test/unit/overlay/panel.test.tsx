import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLOW_IDS, STEP_IDS } from '../../../src/detect/vocabulary';
import { detection, flush, mount, text, type Mounted } from './helpers';

let current: Mounted | null = null;
afterEach(() => {
  current?.overlay.destroy();
  current = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const click = async (element: Element | null) => {
  expect(element, 'element to click').not.toBeNull();
  (element as HTMLElement).click();
  await flush();
};

describe('the panel', () => {
  it('is a labelled landmark in the browser language with the step, progress and sections', async () => {
    current = await mount({}, detection({ step: 'verification' }));
    const panel = current.$('[role="complementary"]')!;
    expect(panel.getAttribute('aria-label')).toBe('Guía ClaveGuía');
    expect(current.$('.cg-app')!.getAttribute('lang')).toBe('es');
    expect(text(current.$('h2'))).toBe('Confirme sus datos y responda las preguntas');
    const headings = current.$$('h3').map(text);
    expect(headings).toEqual(['Tenga a mano', 'Para marcar', 'Errores comunes', 'Lo que sigue']);
    expect(text(current.$('[data-section="mistakes"]'))).toMatch(/Qué hacer: Las respuestas deben coincidir con los registros del IESS/);
    expect(text(current.$('[data-section="next"]'))).toMatch(/imagen de seguridad/);
    expect(current.$$('input[type="checkbox"]').map((b) => b.getAttribute('data-item'))).toEqual([
      'verification.name',
      'verification.date',
      'verification.read',
      'verification.exact',
    ]);
    expect(text(current.$('.cg-wants'))).toMatch(/nombre.*día y el mes.*preguntas/);
  });

  it('on the login page (start) says to choose the right option and links to recovery and unlock', async () => {
    current = await mount({}, detection({ step: 'start' }));
    expect(text(current.$('h2'))).toBe('Elija la opción correcta');
    expect(text(current.$('.cg-wants'))).toMatch(/«Generar \/ Recuperar clave».*«Desbloqueo de clave»/);
    expect(current.$$('input[type="checkbox"]').map((b) => b.getAttribute('data-item'))).toEqual([
      'start.option',
      'start.noguess',
      'start.inbox',
    ]);
    expect(text(current.$('[data-section="next"]'))).toMatch(/cédula.*«No soy un robot»/);
    expect(current.$<HTMLAnchorElement>('a[data-link="recover"]')!.href).toBe(
      'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/',
    );
    expect(current.$('a[data-link="unlock"]')).not.toBeNull();
    expect(current.$('.cg-progress [aria-current="step"]')!.textContent).toMatch(/Identificación/);
  });

  it('shows the progress strip with text, a shape per state and aria-current on the current stage', async () => {
    current = await mount({}, detection({ step: 'email-sent' }));
    const stages = current.$$('.cg-progress li');
    expect(stages.map((s) => s.getAttribute('data-state'))).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming']);
    expect(stages.map((s) => s.querySelector('svg')!.getAttribute('data-icon'))).toEqual([
      'check',
      'check',
      'current',
      'upcoming',
      'upcoming',
    ]);
    const currentStage = current.$('[aria-current="step"]')!;
    expect(text(currentStage)).toBe('Correo (paso actual)');
    expect(text(stages[0])).toBe('Identificación (hecho)');
  });

  it('unlock shows its own three stages', async () => {
    current = await mount({}, detection({ step: 'identity', flow: 'unlock' }));
    expect(current.$$('.cg-progress li').map((s) => text(s.querySelector('.cg-stage-label')))).toEqual([
      'Identificación',
      'Correo',
      'Listo',
    ]);
    expect(text(current.$('h2'))).toBe('Desbloquee su clave con su cédula');
  });

  it('renders real words for every step × flow (no raw message keys)', async () => {
    current = await mount({}, detection());
    for (const flow of FLOW_IDS) {
      for (const step of STEP_IDS.filter((s) => s !== 'none')) {
        current.overlay.update(detection({ step, flow, alerts: ['captcha-error', 'account-blocked'] }));
        const all = text(current.root.querySelector('.cg-app'));
        expect(all, `${step}/${flow}`).not.toMatch(/\b(ov|step|stage|alert|flow)[A-Z][A-Za-z]+\b/);
        expect(current.$('h2')!.textContent!.length, `${step}/${flow}`).toBeGreaterThan(5);
      }
    }
  });

  it('on change-key says the page needs the current key and links to Generar / Recuperar clave', async () => {
    current = await mount({}, detection({ step: 'change-key' }));
    expect(text(current.$('.cg-wants'))).toMatch(/pide su clave actual.*Si olvidó su clave, esta página no le sirve: vaya a «Generar \/ Recuperar clave»/i);
    const recover = current.$<HTMLAnchorElement>('a[data-link="recover"]')!;
    expect(recover.href).toBe('https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/');
    expect(recover.rel).toBe('noopener noreferrer');
    expect(text(recover)).toMatch(/Generar \/ Recuperar clave.*pestaña nueva/);
    expect(current.$<HTMLAnchorElement>('a[data-link="unlock"]')!.href).toBe(
      'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf',
    );
  });
});

describe('checklist', () => {
  it('uses real checkboxes with labels, restores saved ticks and saves new ones per tab', async () => {
    current = await mount({ ticks: { 'identity.id': true } }, detection({ step: 'identity' }));
    const boxes = current.$$<HTMLInputElement>('input[type="checkbox"]');
    expect(boxes.map((b) => b.getAttribute('data-item'))).toEqual(['identity.id', 'identity.captcha', 'identity.inbox']);
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    expect(text(boxes[1]!.closest('label'))).toMatch(/No soy un robot/);

    await click(boxes[1]!);
    expect(current.services.saveTicks).toHaveBeenLastCalledWith({ 'identity.id': true, 'identity.captcha': true });
    expect(current.state.ticks).toEqual({ 'identity.id': true, 'identity.captcha': true });

    // Moving on and coming back keeps the ticks.
    current.overlay.update(detection({ step: 'verification' }));
    current.overlay.update(detection({ step: 'identity' }));
    expect(current.$$<HTMLInputElement>('input[type="checkbox"]').map((b) => b.checked)).toEqual([true, true, false]);
  });

  it('forget() ("Olvidar todo" elsewhere) drops the ticks and the chosen step it holds', async () => {
    current = await mount({ ticks: { 'identity.id': true } }, detection({ step: 'identity' }));
    current.overlay.forget();
    await flush();
    expect(current.$$<HTMLInputElement>('input[type="checkbox"]').map((b) => b.checked)).toEqual([false, false, false]);

    current.overlay.update(detection({ step: 'none', candidates: [{ step: 'verification', score: 0.5 }] }));
    await click(current.$('[data-pick="verification"]'));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('verification');
    current.overlay.forget();
    expect(current.host.getAttribute('data-claveguia-step')).toBe('none');
  });
});

describe('collapse, dock and hiding', () => {
  it('collapses to a named pill and back, remembering the choice', async () => {
    current = await mount({}, detection());
    await click(current.$('[data-action="collapse"]'));
    expect(current.services.saveSettings).toHaveBeenLastCalledWith({ collapsed: true });
    expect(current.$('[role="complementary"]')).toBeNull();
    const pill = current.$('[data-action="expand"]')!;
    // No aria-label: the accessible name is the visible text, then the action (axe label-content-name-mismatch).
    expect(pill.hasAttribute('aria-label')).toBe(false);
    expect(text(pill)).toMatch(/^ClaveGuía\s*\S.* \(abrir la guía\)$/);
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(current.host.getAttribute('data-claveguia-collapsed')).toBe('true');
    expect(current.root.activeElement).toBe(pill);

    await click(pill);
    expect(current.services.saveSettings).toHaveBeenLastCalledWith({ collapsed: false });
    expect(current.$('[role="complementary"]')).not.toBeNull();
    expect(current.root.activeElement).toBe(current.$('h2'));
  });

  it('starts collapsed when the saved settings say so', async () => {
    current = await mount({ settings: { collapsed: true } }, detection());
    expect(current.$('[data-action="expand"]')).not.toBeNull();
  });

  it('says on the pill which stage the person is at', async () => {
    current = await mount({ settings: { collapsed: true } }, detection({ step: 'verification', flow: 'recover' }));
    expect(text(current.$('.cg-pill-stage'))).toBe('Validación');
    current.overlay.update(detection({ step: 'new-key', flow: 'recover' }));
    await flush();
    expect(text(current.$('.cg-pill-stage'))).toBe('Nueva clave');
  });

  it('docks left or right, remembered', async () => {
    current = await mount({}, detection());
    const dock = current.$('[data-action="dock"]')!;
    expect(dock.getAttribute('aria-label')).toBe('Mover a la izquierda');
    await click(dock);
    expect(current.services.saveSettings).toHaveBeenLastCalledWith({ dock: 'left' });
    expect(current.host.getAttribute('data-claveguia-dock')).toBe('left');
    expect(current.$('[data-action="dock"]')!.getAttribute('aria-label')).toBe('Mover a la derecha');
  });

  it('"Ocultar en este sitio" asks first, then hides and remembers through the services', async () => {
    current = await mount({}, detection());
    await click(current.$('[data-action="hide-site"]'));
    expect(text(current.$('.cg-confirm'))).toMatch(/¿Ocultar la guía en este sitio\?/);
    expect(current.root.activeElement).toBe(current.$('[data-action="hide-site-no"]'));
    await click(current.$('[data-action="hide-site-no"]'));
    expect(current.services.hideOnThisSite).not.toHaveBeenCalled();
    expect(current.root.activeElement).toBe(current.$('[data-action="hide-site"]'));

    await click(current.$('[data-action="hide-site"]'));
    await click(current.$('[data-action="hide-site-yes"]'));
    expect(current.services.hideOnThisSite).toHaveBeenCalledTimes(1);
    expect(current.host.hidden).toBe(true);
    current.overlay.update(detection({ step: 'identity' }));
    expect(current.host.hidden).toBe(true);
  });
});

describe('alerts', () => {
  it('show an icon, a severity word and concrete advice, errors first', async () => {
    current = await mount({}, detection({ step: 'identity', alerts: ['captcha-error', 'not-registered'] }));
    const alerts = current.$$('[data-alert]');
    expect(alerts.map((a) => a.getAttribute('data-alert'))).toEqual(['not-registered', 'captcha-error']);
    const captcha = current.$('[data-alert="captcha-error"]')!;
    expect(captcha.querySelector('svg[data-icon="warning"]')).not.toBeNull();
    expect(text(captcha)).toMatch(/^Atención: Falta marcar «No soy un robot»/);
    expect(text(captcha)).toMatch(/sin recargar/);
    expect(text(captcha)).toMatch(/dos minutos/);
    const missing = current.$('[data-alert="not-registered"]')!;
    expect(missing.querySelector('svg[data-icon="error"]')).not.toBeNull();
    expect(text(missing)).toMatch(/^Error: La página dice que esa cédula no está registrada/);
    expect(text(missing)).toMatch(/pregunte en el IESS/);
  });

  it('a blocked account explains the fingerprint requirement and links to Desbloqueo', async () => {
    current = await mount({}, detection({ step: 'start', alerts: ['account-blocked'] }));
    const blocked = current.$('[data-alert="account-blocked"]')!;
    expect(text(blocked)).toMatch(/huella en un Centro de Atención Universal/);
    expect(text(blocked)).toMatch(/en persona/);
    expect(blocked.querySelector<HTMLAnchorElement>('a')!.href).toBe(
      'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf',
    );
  });

  it.each([
    ['data-mismatch', 'verification', /exactamente.*pueden cambiar.*limitados/],
    ['data-mismatch', 'identity', /dígito por dígito.*oficina del IESS/],
    ['link-expired', 'identity', /enlace nuevo.*correo abierto/],
    ['session-expired', 'identity', /15 minutos.*empezar/],
    ['service-unavailable', 'identity', /más tarde.*No recargue una y otra vez/],
  ] as const)('%s on %s gives its own advice', async (alert, step, advice) => {
    current = await mount({}, detection({ step, alerts: [alert] }));
    expect(text(current.$(`[data-alert="${alert}"]`))).toMatch(advice);
  });
});

describe('step picker', () => {
  const unsure = (url?: string) =>
    detection({
      step: 'none',
      confidence: 0.4,
      candidates: [
        { step: 'identity', score: 0.5 },
        { step: 'verification', score: 0.45 },
      ],
      ...(url ? { signals: [url] } : {}),
    });

  it('asks "¿En qué paso está?" with the candidate steps as buttons and follows the answer', async () => {
    current = await mount({}, unsure());
    expect(current.host.hidden).toBe(false);
    expect(text(current.$('h2'))).toBe('¿En qué paso está?');
    const options = current.$$('[data-pick]');
    expect(options.map(text)).toEqual(['Identifíquese con su cédula', 'Confirme sus datos y responda las preguntas']);
    expect(current.host.getAttribute('data-claveguia-step')).toBe('none');

    await click(options[1]!);
    expect(current.host.getAttribute('data-claveguia-step')).toBe('verification');
    expect(text(current.$('h2'))).toBe('Confirme sus datos y responda las preguntas');
    expect(text(current.$('.cg-chosen'))).toMatch(/Usted eligió este paso/);
    expect(current.root.activeElement).toBe(current.$('h2'));

    // The detector stays unsure on the same page: the choice holds.
    current.overlay.update(unsure());
    expect(current.host.getAttribute('data-claveguia-step')).toBe('verification');

    // "Elegir otro paso" asks again.
    await click(current.$('[data-action="repick"]'));
    expect(text(current.$('h2'))).toBe('¿En qué paso está?');
    await click(current.$('[data-pick="identity"]'));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('identity');
  });

  it('drops the choice once the detector is confident of another step', async () => {
    current = await mount({}, unsure());
    await click(current.$('[data-pick="identity"]'));
    current.overlay.update(detection({ step: 'profile' }));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('profile');
    current.overlay.update(unsure());
    expect(text(current.$('h2'))).toBe('¿En qué paso está?');
  });

  it('drops the choice when the URL changes', async () => {
    const window = globalThis.window as unknown as { happyDOM: { setURL(url: string): void } };
    window.happyDOM.setURL('https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/a.jsf');
    current = await mount({}, unsure());
    await click(current.$('[data-pick="identity"]'));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('identity');
    window.happyDOM.setURL('https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/b.jsf');
    current.overlay.update(unsure());
    expect(current.host.getAttribute('data-claveguia-step')).toBe('none');
    expect(text(current.$('h2'))).toBe('¿En qué paso está?');
  });

  it('shows nothing when unsure without candidates', async () => {
    current = await mount({}, detection({ step: 'none', candidates: [] }));
    expect(current.host.hidden).toBe(true);
    expect(current.$('h2')).toBeNull();
  });
});
