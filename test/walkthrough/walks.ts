/**
 * Scripted walks through every flow and every failure path of the practice portal (test/portal), written
 * once over PageDriver so the same script drives Chromium (Playwright) and Firefox (Puppeteer).
 *
 * A walk is a persona and a list of stops. Each stop does something (open a page, fill a form and submit)
 * and then names what ClaveGuía must show there: the step and flow ids of src/detect/vocabulary.ts, with
 * the labels of the portal's state catalogue (test/portal/states.ts) as the reference. The runner
 * (./runner.ts) waits for the page to settle after each action and compares the overlay with the stop.
 */
import type { PageDriver } from '../e2e/harness/driver';
import type { AlertId, FlowId, StepId } from '../../src/detect/vocabulary';
import type { ManualClock } from '../portal/clock';
import { buildRound } from '../portal/flows/recover';
import type { PortalUrls } from '../portal/layout';
import { EMPLOYER_LOGIN, EMPLOYER_PAGE } from '../portal/pages/employer';
import { RECOVER_ENTRY } from '../portal/pages/recover';
import { UNLOCK_PAGE } from '../portal/pages/unlock';
import { AFILIADO_LOGIN } from '../portal/pages/www';
import { EMPLOYERS, INVALID_CEDULA, PERSONAL_QUESTION_BANK, PERSONAS, UNREGISTERED_CEDULA, type Employer, type Persona } from '../portal/personas';
import type { PortalWorld } from '../portal/world';

export interface Expectation {
  step: StepId;
  flow: FlowId;
  /** Alerts the overlay must list (exactly); omitted = not checked. */
  alerts?: AlertId[];
  /** Not an IESS page (the practice inbox): the content script does not run, so there must be no overlay. */
  offSite?: true;
}

/** What a walk can reach besides the page: the portal's state and its clock. */
export interface WalkContext {
  driver: PageDriver;
  world: PortalWorld;
  clock: ManualClock;
  urls: PortalUrls;
  captchaTtlMs: number;
  linkValidityMs: number;
  sessionTimeoutMs: number;
}

/** A fresh walk context on a running practice portal: its world reset to the personas. */
export function walkContext(
  portal: { world: PortalWorld; urls: PortalUrls; config: { captchaTtlMs: number; linkValidityMs: number; sessionTimeoutMs: number } },
  driver: PageDriver,
  clock: ManualClock,
): WalkContext {
  portal.world.reset();
  return {
    driver,
    world: portal.world,
    clock,
    urls: portal.urls,
    captchaTtlMs: portal.config.captchaTtlMs,
    linkValidityMs: portal.config.linkValidityMs,
    sessionTimeoutMs: portal.config.sessionTimeoutMs,
  };
}

export interface Stop {
  /** Short slug, used in screenshot names and progress lines. */
  name: string;
  /** What a person would do to get here from the previous stop. */
  does: string;
  action: (ctx: WalkContext) => Promise<void>;
  expect: Expectation;
  /** The step changed by an AJAX partial update: the URL must be the previous stop's. */
  sameUrl?: true;
}

export interface Walk {
  id: string;
  title: string;
  /** Persona or employer id of test/portal/personas.ts ('' for none). */
  persona: string;
  kind: 'happy' | 'failure';
  stops: Stop[];
}

// ---------------------------------------------------------------- selectors and page helpers

/** Attribute selector for JSF ids: the colons would need escaping in #id form. */
export const byId = (id: string): string => `[id="${id}"]`;
const radio = (name: string, value: string): string => `input[type="radio"][name="${name}"][value="${value}"]`;

const CAPTCHA_FRAME = '/captcha/anchor';
const CAPTCHA_BOX = '#recaptcha-anchor';
const NEW_KEY = 'Nueva2025';

export function persona(id: string): Persona {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

function employer(id: string): Employer {
  const e = EMPLOYERS.find((x) => x.id === id);
  if (!e) throw new Error(`no employer ${id}`);
  return e;
}

const recoverUrl = (ctx: WalkContext): string => `${ctx.urls.app}${RECOVER_ENTRY}`;
const inboxUrl = (ctx: WalkContext, owner: string): string => `${ctx.urls.sim}/correo/?buzon=${encodeURIComponent(owner)}`;

async function poll(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Ticks "No soy un robot" inside the cross-origin frame and waits for the token to reach the parent's
 * textarea (the frame fetches it, then posts it to the page). If the box is still empty after a while, the
 * tap was lost, and the walk taps again once, as a person who sees an empty box would, saying so in the
 * output; a box ticked and waiting is left alone. If the token still does not come, the error says which side
 * lost it: an unticked box is a lost click, a ticked one a token that never arrived.
 */
export async function tickCaptcha(driver: PageDriver): Promise<void> {
  const tokenArrived = () =>
    driver.evaluate(() => (document.querySelector<HTMLTextAreaElement>('textarea[name="g-recaptcha-response"]')?.value ?? '') !== '', null);
  const readBox = (): Promise<{ checked: boolean | null; said: string }> =>
    driver
      .evaluateInFrame(
        CAPTCHA_FRAME,
        (selector: string) => {
          const input = document.querySelector<HTMLInputElement>(selector);
          if (!input) return { checked: null, said: 'no box' };
          return { checked: input.checked, said: `checked=${input.checked} disabled=${input.disabled} status «${document.getElementById('estado')?.textContent ?? ''}»` };
        },
        CAPTCHA_BOX,
      )
      .catch((reason: unknown) => ({ checked: null, said: `unreadable (${String(reason)})` }));
  await driver.clickInFrame(CAPTCHA_FRAME, CAPTCHA_BOX);
  const tokenSoon = await poll('the CAPTCHA token', tokenArrived, 5_000).then(
    () => true,
    () => false,
  );
  if (tokenSoon) return;
  const box = await readBox();
  if (box.checked === false) {
    console.warn(`walk: the CAPTCHA tap was lost (${box.said}); tapping again`);
    await driver.clickInFrame(CAPTCHA_FRAME, CAPTCHA_BOX);
  }
  try {
    await poll('the CAPTCHA token', tokenArrived);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the box in the frame: ${(await readBox()).said}`, { cause: error });
  }
}

/** Clicks a link by its text, the way a person follows it. */
async function clickLink(ctx: WalkContext, text: string): Promise<void> {
  const found = await ctx.driver.evaluate((t: string) => {
    const link = [...document.querySelectorAll('a')].find((a) => (a.textContent ?? '').trim() === t);
    link?.setAttribute('data-walk-link', '');
    return link !== undefined;
  }, text);
  if (!found) throw new Error(`no link «${text}»`);
  await ctx.driver.click('a[data-walk-link]');
}

/**
 * Follows «Clic para Continuar» in the practice inbox. The mail opens it in a new tab (target=_blank);
 * a walk drives one tab, so the target is dropped first, as "open in the same tab" would.
 */
export async function followMailLink(ctx: WalkContext): Promise<void> {
  await ctx.driver.waitFor('a.continuar');
  await ctx.driver.evaluate(() => document.querySelector('a.continuar')?.removeAttribute('target'), null);
  await ctx.driver.click('a.continuar');
}

/** Types on the portal's on-screen keypad (the fields are readonly): letters, digits and Mayús. */
async function typeOnKeypad(ctx: WalkContext, form: string, field: string, text: string): Promise<void> {
  const pad = byId(`${form}:tecladoVirtual`);
  await ctx.driver.click(byId(`${form}:${field}`));
  for (const char of text) {
    const upper = char !== char.toLowerCase();
    const shifted = await ctx.driver.evaluate((sel: string) => document.querySelector(sel)?.classList.contains('mayusculas') ?? false, pad);
    if (/[a-z]/i.test(char) && upper !== shifted) await ctx.driver.click(`${pad} button[data-key-action="shift"]`);
    await ctx.driver.click(`${pad} button[data-key="${char}"]`);
  }
}

async function fillVerification(ctx: WalkContext, who: Persona, round: number, wrong = false): Promise<void> {
  const record = ctx.world.person(who.cedula);
  if (!record) throw new Error(`${who.id} is not in the world`);
  const { labour, personal } = buildRound(record, round);
  // A wrong birth day is enough to fail the round; the rest stays right so only that is wrong.
  await ctx.driver.fill(byId('frmRecuperar:txtDia'), String(wrong ? (who.birthDay % 28) + 1 : who.birthDay));
  await ctx.driver.fill(byId('frmRecuperar:txtMes'), String(who.birthMonth));
  for (const [i, q] of labour.entries()) await ctx.driver.check(radio(`frmRecuperar:${['j_idt61', 'j_idt67'][i]}`, q.answer));
  for (const [i, q] of personal.entries()) {
    const answer = record.personal.find((a) => a.question === q)?.answer ?? '';
    await ctx.driver.fill(byId(`frmRecuperar:${['j_idt73', 'j_idt79'][i]}`), answer);
  }
}

// ---------------------------------------------------------------- reusable stops

const on = (step: StepId, flow: FlowId, alerts?: AlertId[]): Expectation => (alerts ? { step, flow, alerts } : { step, flow });

const openAffiliateLogin: Stop = {
  name: 'login',
  does: 'abre el ingreso de afiliados',
  action: (ctx) => ctx.driver.goto(`${ctx.urls.www}${AFILIADO_LOGIN}`),
  expect: on('start', 'unknown'),
};

const openRecover: Stop = {
  name: 'identity',
  does: 'abre «Generar / Recuperar clave»',
  action: (ctx) => ctx.driver.goto(recoverUrl(ctx)),
  expect: on('identity', 'recover'),
};

const followRecoverLink: Stop = {
  name: 'identity',
  does: 'hace clic en «Generar / Recuperar clave»',
  action: (ctx) => clickLink(ctx, 'Generar / Recuperar clave'),
  expect: on('identity', 'recover'),
};

/** Error pages may come by redirect (new URL): only steps of the form itself are checked for the same URL. */
const ajaxOnly = (expect: Expectation): { sameUrl?: true } => (expect.step === 'error' ? {} : { sameUrl: true });

/** Types the cédula, optionally ticks the CAPTCHA, and presses Buscar. */
function search(cedula: string, expect: Expectation, opts: { tick?: boolean; name?: string; does?: string; beforeSubmit?: (ctx: WalkContext) => void } = {}): Stop {
  return {
    name: opts.name ?? 'search',
    does: opts.does ?? `escribe la cédula ${cedula}${opts.tick === false ? ' sin marcar el CAPTCHA' : ', marca «No soy un robot»'} y pulsa Buscar`,
    action: async (ctx) => {
      await ctx.driver.fill(byId('frmRecuperar:txtCedula'), cedula);
      if (opts.tick !== false) await tickCaptcha(ctx.driver);
      opts.beforeSubmit?.(ctx);
      await ctx.driver.click(byId('frmRecuperar:btnBuscar'));
    },
    expect,
    ...ajaxOnly(expect),
  };
}

const searchFound = (who: Persona): Stop => ({ ...search(who.cedula, on('verification', 'recover')), name: 'verification' });

function answer(who: Persona, round: number, expect: Expectation, opts: { wrong?: boolean; name?: string; beforeSubmit?: (ctx: WalkContext) => void } = {}): Stop {
  return {
    name: opts.name ?? expect.step,
    does: opts.wrong ? `responde mal (ronda ${round + 1}) y pulsa Continuar` : 'responde día, mes y preguntas y pulsa Continuar',
    action: async (ctx) => {
      await fillVerification(ctx, who, round, opts.wrong);
      opts.beforeSubmit?.(ctx);
      await ctx.driver.click(byId('frmRecuperar:btnContinuar'));
    },
    expect,
    ...ajaxOnly(expect),
  };
}

export const openInbox = (owner: string): Stop => ({
  name: 'inbox',
  does: `abre el buzón de práctica de ${owner}`,
  action: (ctx) => ctx.driver.goto(inboxUrl(ctx, owner)),
  expect: { step: 'none', flow: 'unknown', offSite: true },
});

const followLinkToTerms: Stop = {
  name: 'terms',
  does: 'hace clic en «Clic para Continuar» del correo',
  action: followMailLink,
  expect: on('terms', 'recover'),
};

/** Terms → new key on the keypad → done, on the mail-link page (frmClave) or the entry page (frmRecuperar). */
function keySteps(form: 'frmClave' | 'frmRecuperar'): Stop[] {
  const sameUrl = form === 'frmRecuperar' ? { sameUrl: true as const } : {};
  return [
    {
      name: 'new-key',
      does: 'acepta los términos',
      action: async (ctx) => {
        await ctx.driver.check(byId(`${form}:chkAcepto`));
        await ctx.driver.click(byId(`${form}:btnAceptarTerminos`));
      },
      expect: on('new-key', 'recover'),
      ...sameUrl,
    },
    {
      name: 'done',
      does: `escribe ${NEW_KEY} dos veces en el teclado virtual y pulsa «Generar la clave»`,
      action: async (ctx) => {
        await typeOnKeypad(ctx, form, 'txtClave', NEW_KEY);
        await typeOnKeypad(ctx, form, 'txtConfirmacion', NEW_KEY);
        await ctx.driver.click(byId(`${form}:btnGenerar`));
      },
      expect: on('done', 'recover'),
      ...sameUrl,
    },
  ];
}

/** Identity → verification → email sent, for a persona whose mail link comes next. */
export const upToEmailSent = (who: Persona): Stop[] => [openRecover, searchFound(who), answer(who, 0, on('email-sent', 'recover'))];

// ---------------------------------------------------------------- employer stops

function employerIdentity(e: Employer): Stop {
  return {
    name: 'code',
    does: `escribe RUC ${e.ruc}, sucursal ${e.sucursal} y representante, marca el CAPTCHA y pulsa Validar`,
    action: async (ctx) => {
      await ctx.driver.fill(byId('frmRecuperarClave:txtRuc'), e.ruc);
      await ctx.driver.fill(byId('frmRecuperarClave:txtSucursal'), e.sucursal);
      await ctx.driver.fill(byId('frmRecuperarClave:j_id21'), e.representativeCedula);
      await tickCaptcha(ctx.driver);
      await ctx.driver.click(byId('frmRecuperarClave:btnValidar'));
    },
    expect: on('code', 'employer'),
    sameUrl: true,
  };
}

function employerCodeAndKey(e: Employer): Stop[] {
  return [
    {
      name: 'new-key',
      does: 'copia el código del correo y pulsa Validar',
      action: async (ctx) => {
        const code = ctx.world.inbox.latest(e.id)?.code;
        if (!code) throw new Error(`no code in ${e.id}'s inbox`);
        await ctx.driver.fill(byId('frmRecuperarClave:j_id34'), code);
        await ctx.driver.click(byId('frmRecuperarClave:btnValidarCodigo'));
      },
      expect: on('new-key', 'employer'),
      sameUrl: true,
    },
    {
      name: 'done',
      does: `escribe ${NEW_KEY} dos veces y pulsa Guardar`,
      action: async (ctx) => {
        await ctx.driver.fill(byId('frmRecuperarClave:txtNuevaClave'), NEW_KEY);
        await ctx.driver.fill(byId('frmRecuperarClave:txtConfirmarClave'), NEW_KEY);
        await ctx.driver.click(byId('frmRecuperarClave:btnGuardar'));
      },
      expect: on('done', 'employer'),
      sameUrl: true,
    },
  ];
}

// ---------------------------------------------------------------- the walks

const ana = persona('ana');
const bruno = persona('bruno');
const carmen = persona('carmen');
const diego = persona('diego');
const elena = persona('elena');
const fernando = persona('fernando');
const gloria = persona('gloria');
const sofia = persona('sofia');
const tomas = persona('tomas');

const HAPPY: Walk[] = [
  {
    id: 'recover-link',
    title: 'Ana recupera su clave con el enlace del correo',
    persona: 'ana',
    kind: 'happy',
    stops: [
      openAffiliateLogin,
      followRecoverLink,
      searchFound(ana),
      answer(ana, 0, on('email-sent', 'recover')),
      openInbox('ana'),
      followLinkToTerms,
      ...keySteps('frmClave'),
      {
        // One-time links: once the key is generated, the same link is "ya fue utilizado".
        name: 'link-used',
        does: 'vuelve a abrir el mismo enlace del correo',
        action: async (ctx) => {
          await ctx.driver.goto(inboxUrl(ctx, 'ana'));
          await followMailLink(ctx);
        },
        expect: on('error', 'recover', ['link-expired']),
      },
    ],
  },
  {
    id: 'first-time',
    title: 'Bruno genera su clave por primera vez (banco de datos)',
    persona: 'bruno',
    kind: 'happy',
    stops: [
      openRecover,
      searchFound(bruno),
      answer(bruno, 0, on('profile', 'recover'), { name: 'profile-contact' }),
      {
        name: 'profile-image',
        does: 'escribe correo, confirmación y celular y pulsa Siguiente',
        action: async (ctx) => {
          await ctx.driver.fill(byId('frmRecuperar:txtCorreo'), 'bruno.nuevo@example.com');
          await ctx.driver.fill(byId('frmRecuperar:txtConfirmarCorreo'), 'bruno.nuevo@example.com');
          await ctx.driver.fill(byId('frmRecuperar:txtCelular'), '0991234567');
          await ctx.driver.click(byId('frmRecuperar:btnSiguiente'));
        },
        expect: on('profile', 'recover'),
        sameUrl: true,
      },
      {
        name: 'profile-questions',
        does: 'elige la imagen Barco y pulsa Siguiente',
        action: async (ctx) => {
          await ctx.driver.check(radio('frmRecuperar:rdImagen', 'barco'));
          await ctx.driver.click(byId('frmRecuperar:btnSiguiente'));
        },
        expect: on('profile', 'recover'),
        sameUrl: true,
      },
      {
        name: 'email-sent',
        does: 'elige tres preguntas, las responde y pulsa Aceptar',
        action: async (ctx) => {
          const answers = ['Rex', 'Guayaquil', 'Ceviche'];
          for (const i of [0, 1, 2]) {
            await ctx.driver.select(byId(`frmRecuperar:somPregunta${i + 1}`), PERSONAL_QUESTION_BANK[i] ?? '');
            await ctx.driver.fill(byId(`frmRecuperar:txtRespuesta${i + 1}`), answers[i] ?? '');
          }
          await ctx.driver.click(byId('frmRecuperar:btnAceptar'));
        },
        expect: on('email-sent', 'recover'),
        sameUrl: true,
      },
      openInbox('bruno'),
      followLinkToTerms,
      ...keySteps('frmClave'),
    ],
  },
  {
    id: 'security-image',
    title: 'Carmen elige su imagen de seguridad antes del enlace',
    persona: 'carmen',
    kind: 'happy',
    stops: [
      openRecover,
      searchFound(carmen),
      answer(carmen, 0, on('security-image', 'recover')),
      {
        name: 'email-sent',
        does: 'elige la imagen Árbol y pulsa Continuar',
        action: async (ctx) => {
          await ctx.driver.check(radio('frmRecuperar:rdImagenSeguridad', 'arbol'));
          await ctx.driver.click(byId('frmRecuperar:j_idt88'));
        },
        expect: on('email-sent', 'recover'),
        sameUrl: true,
      },
      openInbox('carmen'),
      followLinkToTerms,
    ],
  },
  {
    id: 'otp-code',
    title: 'Diego escribe el código de 6 dígitos del correo',
    persona: 'diego',
    kind: 'happy',
    stops: [
      openRecover,
      searchFound(diego),
      answer(diego, 0, on('code', 'recover')),
      {
        name: 'terms',
        does: 'copia el código del buzón y pulsa Validar',
        action: async (ctx) => {
          const code = ctx.world.inbox.latest('diego')?.code;
          if (!code) throw new Error("no code in diego's inbox");
          await ctx.driver.fill(byId('frmRecuperar:txtCodigo'), code);
          await ctx.driver.click(byId('frmRecuperar:btnValidar'));
        },
        expect: on('terms', 'recover'),
        sameUrl: true,
      },
      ...keySteps('frmRecuperar'),
    ],
  },
  {
    id: 'unlock',
    title: 'Elena desbloquea su cuenta con el enlace del correo',
    persona: 'elena',
    kind: 'happy',
    stops: [
      {
        name: 'identity',
        does: 'abre «Desbloqueo de clave»',
        action: (ctx) => ctx.driver.goto(`${ctx.urls.app}${UNLOCK_PAGE}`),
        expect: on('identity', 'unlock'),
      },
      {
        name: 'email-sent',
        does: `escribe la cédula ${elena.cedula} y pulsa Desbloquear`,
        action: async (ctx) => {
          await ctx.driver.fill(byId('frmDesbloqueo:txtCedula'), elena.cedula);
          await ctx.driver.click(byId('frmDesbloqueo:btnDesbloquear'));
        },
        expect: on('email-sent', 'unlock'),
        sameUrl: true,
      },
      openInbox('elena'),
      { name: 'done', does: 'hace clic en el enlace de desbloqueo', action: followMailLink, expect: on('done', 'unlock') },
    ],
  },
  {
    id: 'employer',
    title: 'Un empleador (sociedad) recupera su clave con un código',
    persona: 'distribuidora',
    kind: 'happy',
    stops: [
      {
        name: 'login',
        does: 'abre el ingreso de empleadores',
        action: (ctx) => ctx.driver.goto(`${ctx.urls.www}${EMPLOYER_LOGIN}`),
        expect: on('start', 'employer'),
      },
      { name: 'identity', does: 'hace clic en «Recuperar clave»', action: (ctx) => clickLink(ctx, 'Recuperar clave'), expect: on('identity', 'employer') },
      employerIdentity(employer('distribuidora')),
      ...employerCodeAndKey(employer('distribuidora')),
    ],
  },
  {
    id: 'household-employer',
    title: 'Julia, empleadora doméstica (RUC = cédula + 000)',
    persona: 'julia',
    kind: 'happy',
    stops: [
      {
        name: 'identity',
        does: 'abre «Recuperar clave» de empleadores',
        action: (ctx) => ctx.driver.goto(`${ctx.urls.www}${EMPLOYER_PAGE}`),
        expect: on('identity', 'employer'),
      },
      employerIdentity(employer('julia')),
      ...employerCodeAndKey(employer('julia')),
    ],
  },
  {
    id: 'change-key',
    title: 'Ana cambia su clave (conoce la actual)',
    persona: 'ana',
    kind: 'happy',
    stops: [
      openAffiliateLogin,
      { name: 'change-key', does: 'hace clic en «Cambio de clave»', action: (ctx) => clickLink(ctx, 'Cambio de clave'), expect: on('change-key', 'unknown') },
      {
        name: 'change-new',
        does: 'escribe cédula y clave actual, acepta el acuerdo y pulsa «Cambiar Clave»',
        action: async (ctx) => {
          await ctx.driver.fill(byId('frmCambioClave:txtCedula'), ana.cedula);
          await ctx.driver.fill(byId('frmCambioClave:txtClaveActual'), ana.currentKey ?? '');
          await ctx.driver.check(byId('frmCambioClave:chkAcuerdo'));
          await ctx.driver.click(byId('frmCambioClave:btnCambiarClave'));
        },
        expect: on('change-key', 'unknown'),
        sameUrl: true,
      },
      {
        name: 'done',
        does: `escribe ${NEW_KEY} dos veces y pulsa Aceptar`,
        action: async (ctx) => {
          await ctx.driver.fill(byId('frmCambioClave:txtNuevaClave'), NEW_KEY);
          await ctx.driver.fill(byId('frmCambioClave:txtConfirmarClave'), NEW_KEY);
          await ctx.driver.click(byId('frmCambioClave:btnAceptar'));
        },
        expect: on('done', 'unknown'),
        sameUrl: true,
      },
    ],
  },
];

const FAILURES: Walk[] = [
  {
    id: 'captcha-not-ticked',
    title: 'Pulsa Buscar sin marcar el CAPTCHA',
    persona: 'ana',
    kind: 'failure',
    stops: [openRecover, search(ana.cedula, on('identity', 'recover', ['captcha-error']), { tick: false, name: 'captcha-missing' })],
  },
  {
    id: 'captcha-expired',
    title: 'El CAPTCHA caduca entre marcarlo y pulsar Buscar',
    persona: 'ana',
    kind: 'failure',
    stops: [
      openRecover,
      search(ana.cedula, on('identity', 'recover', ['captcha-error']), {
        name: 'captcha-expired',
        does: 'marca el CAPTCHA, espera más de 2 minutos y pulsa Buscar',
        beforeSubmit: (ctx) => ctx.clock.advance(ctx.captchaTtlMs + 1_000),
      }),
    ],
  },
  {
    id: 'invalid-cedula',
    title: 'Cédula con dígito verificador incorrecto',
    persona: '',
    kind: 'failure',
    stops: [openRecover, search(INVALID_CEDULA, on('identity', 'recover', ['data-mismatch']), { name: 'invalid-cedula' })],
  },
  {
    id: 'unregistered-cedula',
    title: 'Cédula válida que no está registrada en el IESS',
    persona: '',
    kind: 'failure',
    stops: [openRecover, search(UNREGISTERED_CEDULA, on('identity', 'recover', ['not-registered']), { name: 'not-registered' })],
  },
  {
    id: 'wrong-answers',
    title: 'Ana responde mal tres veces y su cuenta se bloquea',
    persona: 'ana',
    kind: 'failure',
    stops: [
      openRecover,
      searchFound(ana),
      answer(ana, 0, on('verification', 'recover', ['data-mismatch']), { wrong: true, name: 'two-left' }),
      answer(ana, 1, on('verification', 'recover', ['data-mismatch']), { wrong: true, name: 'one-left' }),
      answer(ana, 2, on('identity', 'recover', ['account-blocked']), { wrong: true, name: 'blocked' }),
    ],
  },
  {
    id: 'already-blocked',
    title: 'Gloria ya está bloqueada y no tiene huella registrada',
    persona: 'gloria',
    kind: 'failure',
    stops: [
      openRecover,
      search(gloria.cedula, on('identity', 'recover', ['account-blocked']), { name: 'blocked' }),
      {
        name: 'unlock-identity',
        does: 'abre «Desbloqueo de clave»',
        action: (ctx) => ctx.driver.goto(`${ctx.urls.app}${UNLOCK_PAGE}`),
        expect: on('identity', 'unlock'),
      },
      {
        name: 'unlock-no-fingerprint',
        does: `escribe la cédula ${gloria.cedula} y pulsa Desbloquear`,
        action: async (ctx) => {
          await ctx.driver.fill(byId('frmDesbloqueo:txtCedula'), gloria.cedula);
          await ctx.driver.click(byId('frmDesbloqueo:btnDesbloquear'));
        },
        expect: on('identity', 'unlock', ['no-fingerprint']),
        sameUrl: true,
      },
    ],
  },
  {
    id: 'no-email',
    title: 'Fernando no tiene correo registrado',
    persona: 'fernando',
    kind: 'failure',
    stops: [openRecover, searchFound(fernando), answer(fernando, 0, on('error', 'recover', ['no-email']), { name: 'no-email' })],
  },
  {
    id: 'link-expired',
    title: 'Ana abre el enlace después de 3 minutos',
    persona: 'ana',
    kind: 'failure',
    stops: [
      ...upToEmailSent(ana),
      openInbox('ana'),
      {
        name: 'link-expired',
        does: 'deja pasar más de 3 minutos y hace clic en el enlace',
        action: async (ctx) => {
          ctx.clock.advance(ctx.linkValidityMs + 1_000);
          await followMailLink(ctx);
        },
        expect: on('error', 'recover', ['link-expired']),
      },
    ],
  },
  {
    id: 'session-expired',
    title: 'Ana deja la página 16 minutos antes de responder',
    persona: 'ana',
    kind: 'failure',
    stops: [
      openRecover,
      searchFound(ana),
      answer(ana, 0, on('error', 'recover', ['session-expired']), {
        name: 'session-expired',
        beforeSubmit: (ctx) => ctx.clock.advance(ctx.sessionTimeoutMs + 60_000),
      }),
    ],
  },
  {
    id: 'anti-bot',
    title: 'El portal responde con la página anti-bot',
    persona: 'sofia',
    kind: 'failure',
    stops: [
      openRecover,
      // The portal writes this non-XML AJAX reply with document.open()/write(): the overlay must come back.
      search(sofia.cedula, on('error', 'recover', ['service-unavailable']), { name: 'challenge' }),
      {
        name: 'sobrecarga',
        does: 'abre «Generar / Recuperar clave» con ?sobrecarga=1',
        action: (ctx) => ctx.driver.goto(`${recoverUrl(ctx)}?sobrecarga=1`),
        expect: on('error', 'recover', ['service-unavailable']),
      },
    ],
  },
  {
    id: 'app-error',
    title: 'Error de aplicación al buscar la cédula',
    persona: 'tomas',
    kind: 'failure',
    stops: [openRecover, search(tomas.cedula, on('error', 'recover', ['service-unavailable']), { name: 'app-error' })],
  },
];

/** Every walk: happy paths first, then the failure paths. */
export const WALKS: readonly Walk[] = [...HAPPY, ...FAILURES];
