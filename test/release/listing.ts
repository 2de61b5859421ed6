/**
 * What the stores are given besides the packages, in Spanish (default) and English: the short description
 * (the manifest's own `extDescription`, so the listing and the add-on manager say the same), the long
 * description, the single purpose (Chrome Web Store), one justification per permission (a unit test checks
 * the keys against the allow-list, src/platform/permissions.ts) and the privacy policy as text (read from
 * the page shipped in the package, src/public/privacy.html, so there is one policy).
 *
 * Every claim here is one the README's "Privacy promise" makes and the E2E privacy test checks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Language = 'es' | 'en';
export const LANGUAGES: readonly Language[] = ['es', 'en'];

const ROOT = resolve(import.meta.dirname, '../..');

/** Chrome Web Store: the summary is at most 132 characters; AMO's summary at most 250. */
export const SHORT_DESCRIPTION_MAX = 132;

export function shortDescription(language: Language): string {
  const messages = JSON.parse(readFileSync(resolve(ROOT, `src/public/_locales/${language}/messages.json`), 'utf8')) as Record<string, { message: string }>;
  return messages.extDescription!.message;
}

export const LONG_DESCRIPTION: Record<Language, string> = {
  es: `ClaveGuía es una guía no oficial y de código abierto que acompaña las páginas del IESS para recuperar o desbloquear la clave personal (afiliados y empleadores).

En cada página del trámite reconoce qué paso muestra el portal y le dice, al lado y sin tapar los campos: qué pide esta pantalla, qué tener a mano, los errores que suelen hacer fallar el paso y qué viene después.

• Avisos junto a los campos: una cédula mal escrita, un correo con un error en el dominio, una clave nueva débil.
• Cuenta regresiva aproximada del enlace que llega al correo, en la página y en el ícono.
• Para quien ayuda a otra persona: una lista "Antes de empezar" y personas guardadas solo si usted quiere.
• En español y en inglés; accesible con teclado y lector de pantalla.

Nada sale de su navegador: no hay servidores, ni analítica, ni anuncios. No toca el CAPTCHA, no envía formularios y no guarda lo que usted escribe en el portal. No es del IESS ni está respaldada por el IESS.`,
  en: `ClaveGuía is an unofficial, open-source guide that sits beside the IESS pages for recovering or unlocking the online password ("clave personal"), for affiliates and employers.

On every page of the process it works out which step the portal shows and tells you, beside the page and never over its fields: what this screen wants, what to have ready, the mistakes that commonly fail the step and what comes next.

• Warnings beside the fields: a mistyped cédula, an email with a typo in its domain, a weak new key.
• An approximate countdown of the link the IESS mails, on the page and on the toolbar icon.
• For someone helping another person: a "before you start" checklist, and saved people only if you choose.
• In Spanish and English; usable with the keyboard and a screen reader.

Nothing leaves your browser: no servers, no analytics, no ads. It never touches the CAPTCHA, never submits a form and does not keep what you type into the portal. It is not made or endorsed by the IESS.`,
};

export const SINGLE_PURPOSE: Record<Language, string> = {
  es: 'Guiar a la persona, paso a paso y al lado de la página, por el trámite del IESS para recuperar o desbloquear su clave personal.',
  en: 'Guide a person, step by step and beside the page, through the IESS process for recovering or unlocking their online password.',
};

/**
 * One justification per permission the manifests ask for: the keys are exactly those of ALLOWED_PERMISSIONS,
 * ALLOWED_OPTIONAL_PERMISSIONS and, as `host`, the host access (a unit test checks it).
 */
export const PERMISSION_JUSTIFICATIONS: Record<string, Record<Language, string>> = {
  storage: {
    es: 'Guardar en este equipo las preferencias, la cuenta regresiva del enlace y, si la persona quiere, las personas que ayuda; las casillas de cada pestaña solo mientras el navegador está abierto. Nada se envía.',
    en: 'Keep on this computer the preferences, the link countdown and, only if the person chooses, the people they help; each tab’s ticked boxes only while the browser is open. Nothing is sent.',
  },
  scripting: {
    es: 'Solo en páginas *.iess.gob.ec: en el paso de la clave nueva, poner el medidor de seguridad de la clave (incluido en el paquete) en la pestaña; en Chrome, volver a poner la guía en las pestañas del IESS ya abiertas tras instalar o actualizar.',
    en: 'Only on *.iess.gob.ec pages: on the new-key step, put the key-strength estimator (inside the package) into that tab; in Chrome, put the guide back on IESS tabs already open after an install or update.',
  },
  activeTab: {
    es: 'Solo cuando la persona hace clic en el botón de la extensión: leer la dirección de esa pestaña para decirle si es el portal oficial del IESS o una imitación. No se guarda.',
    en: 'Only when the person clicks the toolbar button: read that tab’s address to tell them whether it is the official IESS portal or a look-alike. Nothing is kept.',
  },
  sidePanel: {
    es: 'Chrome: mostrar la guía en la columna lateral del navegador, al lado del portal, solo cuando la persona la abre.',
    en: 'Chrome: show the guide in the browser’s side column, beside the portal, only when the person opens it.',
  },
  alarms: {
    es: 'Actualizar la cuenta regresiva del enlace en el ícono a los 2:00, 1:00, 0:30 y al vencer, aunque no haya ninguna vista abierta.',
    en: 'Update the link countdown on the toolbar icon at 2:00, 1:00, 0:30 and at expiry while no view is open.',
  },
  notifications: {
    es: 'Opcional, se pide solo si la persona activa los avisos en Opciones: un aviso del sistema al quedar un minuto y al vencer el enlace.',
    en: 'Optional, asked only when the person turns notifications on in the options: a system notification at one minute left and at expiry of the link.',
  },
  host: {
    es: 'Acceso solo a *://*.iess.gob.ec/*: las páginas del trámite donde se muestra la guía. Ningún otro sitio.',
    en: 'Access only to *://*.iess.gob.ec/*: the pages of the process where the guide is shown. No other site.',
  },
};

/** Chrome Web Store "Privacy practices": the answers that follow from the product rules. */
export const PRIVACY_PRACTICES: Record<Language, string> = {
  es: 'Código remoto: no (todo el código está en el paquete). Datos de usuario recopilados: ninguno (nada sale del navegador). Se certifica que los datos no se venden, no se usan para fines ajenos al propósito único y no se usan para evaluar crédito.',
  en: 'Remote code: no (all code is in the package). User data collected: none (nothing leaves the browser). Certified: data is not sold, not used for purposes unrelated to the single purpose, and not used to determine creditworthiness.',
};

/** The privacy policy as plain text, one language, read from the page shipped in the package. */
export function privacyText(language: Language): string {
  const html = readFileSync(resolve(ROOT, 'src/public/privacy.html'), 'utf8');
  // Our own static page (not untrusted input): one <section lang="xx">, headings and paragraphs.
  const section = new RegExp(`<section lang="${language}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
  if (!section) throw new Error(`src/public/privacy.html has no <section lang="${language}">`);
  return section
    .replace(/<h[12]>([\s\S]*?)<\/h[12]>/g, '\n$1\n')
    .replace(/<li>/g, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The whole listing for one language, as Markdown to paste from. */
export function listingMarkdown(language: Language): string {
  const justifications = Object.entries(PERMISSION_JUSTIFICATIONS).map(([permission, text]) => `- \`${permission}\`: ${text[language]}`);
  const t = language === 'es'
    ? { title: 'Ficha de la tienda', short: 'Descripción corta', long: 'Descripción larga', purpose: 'Propósito único', permissions: 'Justificación de cada permiso', practices: 'Prácticas de privacidad', privacy: 'Política de privacidad (también en el paquete: privacy.html)' }
    : { title: 'Store listing', short: 'Short description', long: 'Long description', purpose: 'Single purpose', permissions: 'Justification of each permission', practices: 'Privacy practices', privacy: 'Privacy policy (also in the package: privacy.html)' };
  return [
    `# ClaveGuía: ${t.title} (${language})`,
    `## ${t.short}\n\n${shortDescription(language)}`,
    `## ${t.long}\n\n${LONG_DESCRIPTION[language]}`,
    `## ${t.purpose}\n\n${SINGLE_PURPOSE[language]}`,
    `## ${t.permissions}\n\n${justifications.join('\n')}`,
    `## ${t.practices}\n\n${PRIVACY_PRACTICES[language]}`,
    `## ${t.privacy}\n\n${privacyText(language)}`,
  ].join('\n\n') + '\n';
}
