/**
 * A stand-in for the browsers' page translation, installed as an init script in the page's own world:
 * Chrome's (every text node wrapped in two `<font style="vertical-align: inherit;">` and its words replaced,
 * `<html class="translated-ltr" lang="en">`) or Firefox's (text replaced in place, and `placeholder`, `title`,
 * `aria-label` and button values translated too). Like the real ones it keeps translating what AJAX adds,
 * skips `translate="no"` subtrees and does not enter shadow roots.
 */
/** 'chrome' or 'firefox'. */

export function installTranslator(kind: string): void {
  const WORDS: [RegExp, string][] = [
    [/ha sido (generada|creada) exitosamente|se gener[oó] (correctamente|exitosamente)/gi, 'has been generated successfully'],
    [/ha sido cambiada exitosamente|se cambi[oó] (correctamente|exitosamente)/gi, 'has been changed successfully'],
    [/clave generada/gi, 'password generated'],
    [/ha sido desbloqueada/gi, 'has been unlocked'],
    [/desbloqueo exitoso/gi, 'successful unlock'],
    [/exitoso/gi, 'successful'],
    [/estimado/gi, 'dear'],
    [/exitosamente|correctamente|con [eé]xito/gi, 'successfully'],
    [/informaci[oó]n/gi, 'information'],
    [/fecha de nacimiento/gi, 'date of birth'],
    [/correo electr[oó]nico/gi, 'email'],
    [/n[uú]mero de c[eé]dula/gi, 'ID number'],
    [/c[eé]dula( de identidad)?/gi, 'ID card'],
    [/contrase[nñ]a/gi, 'password'],
    [/clave/gi, 'password'],
    [/recuperar|restablecer/gi, 'recover'],
    [/generar/gi, 'generate'],
    [/desbloqueo|desbloquear/gi, 'unlock'],
    [/empleador(es)?/gi, 'employer'],
    [/afiliado(s)?/gi, 'insured'],
    [/preguntas?( de seguridad)?/gi, 'security question'],
    [/respuestas?/gi, 'answer'],
    [/c[oó]digo/gi, 'code'],
    [/enlace|v[ií]nculo/gi, 'link'],
    [/enviar|enviado|enviamos/gi, 'sent'],
    [/buscar|consultar/gi, 'search'],
    [/continuar|siguiente/gi, 'continue'],
    [/aceptar|acepto/gi, 'accept'],
    [/t[eé]rminos( y condiciones)?( de uso)?/gi, 'terms of use'],
    [/nueva/gi, 'new'],
    [/confirmar|repita|confirme/gi, 'confirm'],
    [/correo/gi, 'mail'],
    [/d[ií]a/gi, 'day'],
    [/mes/gi, 'month'],
    [/imagen/gi, 'image'],
    [/no soy un robot/gi, "I'm not a robot"],
    [/ingrese/gi, 'enter'],
    [/su /gi, 'your '],
    [/de /gi, 'of '],
    [/el |la |los |las /gi, 'the '],
    [/ y /gi, ' and '],
  ];
  const translate = (text: string) => WORDS.reduce((t, [from, to]) => t.replace(from, to), text);
  const done = new WeakSet<Node>();

  function skip(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return true;
    return !!el.closest('[translate="no"], script, style, noscript, textarea');
  }

  function translateText(node: Text): void {
    if (done.has(node) || skip(node) || !node.data.trim()) return;
    done.add(node);
    const english = translate(node.data);
    if (kind === 'firefox') {
      node.data = english;
      return;
    }
    const outer = document.createElement('font');
    const inner = document.createElement('font');
    outer.setAttribute('style', 'vertical-align: inherit;');
    inner.setAttribute('style', 'vertical-align: inherit;');
    const replacement = document.createTextNode(english);
    done.add(replacement);
    inner.append(replacement);
    outer.append(inner);
    node.replaceWith(outer);
  }

  function translateAttributes(el: Element): void {
    if (kind !== 'firefox' || skip(el)) return;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, translate(value));
    }
    if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) el.value = translate(el.value);
  }

  function translateTree(root: Node): void {
    if (root.nodeType === 3) return translateText(root as Text);
    if (root.nodeType !== 1 && root.nodeType !== 9) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const texts: Text[] = [];
    if (root.nodeType === 1) translateAttributes(root as Element);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) texts.push(n as Text);
      else translateAttributes(n as Element);
    }
    texts.forEach(translateText);
  }

  function start(): void {
    document.documentElement.lang = 'en';
    if (kind === 'chrome') document.documentElement.classList.add('translated-ltr');
    translateTree(document.body);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') translateText(record.target as Text);
        for (const node of record.addedNodes) translateTree(node);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
