/** A recovery page with a person planted everywhere a real page (or a hostile one) could show them. */
import fc from 'fast-check';

export interface Planted {
  cedula: string;
  names: string[];
  email: string;
  day: number;
  month: number;
  year: number;
  phone: string;
  code: string;
  token: string;
  employers: string[];
}

const word = fc.stringMatching(/^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,9}$/);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

export const plantedArb: fc.Arbitrary<Planted> = fc.record({
  cedula: digits(10),
  names: fc.array(word, { minLength: 2, maxLength: 4 }),
  email: fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{2,12}[a-z0-9]$/), fc.stringMatching(/^[a-z]{3,10}$/), fc.constantFrom('com', 'ec', 'net', 'com.ec'))
    .map(([l, d, t]) => `${l}@${d}.${t}`),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  year: fc.integer({ min: 1940, max: 2005 }),
  phone: digits(8).map((d) => `09${d}`),
  code: digits(6),
  token: fc.oneof(
    fc.stringMatching(/^[0-9a-f]{32}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    fc.stringMatching(/^-?[0-9]{18,19}:-?[0-9]{18,19}$/),
  ),
  employers: fc.array(fc.tuple(word, word).map(([a, b]) => `${a.toUpperCase()} ${b.toUpperCase()} S.A.`), { minLength: 2, maxLength: 4 }),
});

const pad = (n: number) => String(n).padStart(2, '0');
export const birthText = (p: Planted) => `${pad(p.day)}/${pad(p.month)}/${p.year}`;
export const maskedEmail = (p: Planted) => {
  const [local = '', domain = ''] = p.email.split('@');
  return `${local[0]}***${local[local.length - 1]}@${domain[0]}****${domain.slice(domain.indexOf('.'))}`;
};
const spaced = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * `everywhere`: also where only the prepared person's data can find them (a name in the title, in alt text,
 * in a sentence without a label). Without it, the page shows the person the way the portal does.
 */
export function plantedPage(p: Planted, everywhere: boolean): string {
  const name = p.names.join(' ');
  const upper = name.toUpperCase();
  const ruc = `${p.cedula}001`;
  const free = everywhere
    ? `<p title="${esc(name)}">${esc(name)} nació el ${p.day} de ${['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][p.month - 1]} de ${p.year}; hola ${esc(p.names[0] ?? '')}.</p>
       <img src="/fotos/${p.cedula}.jpg" alt="Foto de ${esc(name)}"><span aria-label="${esc(upper)}">${esc(p.names[1] ?? '')}</span>`
    : '';
  return `<!DOCTYPE html><html lang="es"><head><title>${everywhere ? esc(name) + ' - ' : ''}IESS - Recuperar clave</title>
<meta name="user" content="${p.cedula}"><link rel="canonical" href="https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/validar.jsf?ced=${p.cedula}#${p.token}">
<script>var cedula = "${p.cedula}"; var token = "${p.token}";</script><style>.oculto{display:none}</style></head>
<body data-user="${p.cedula}" onload="init('${p.email}')">
<!-- afiliado ${p.cedula} ${esc(name)} ${p.email} -->
<noscript>Afiliado ${p.cedula} ${esc(name)} ${p.email}</noscript>
<div class="header">Bienvenido, ${esc(upper)} | <a href="/logout?u=${p.cedula}&amp;t=${p.token}#x">Salir</a></div>
<table class="datos"><tr><td>Nombres:</td><td>${esc(name)}</td></tr><tr><td>Cédula:</td><td>${p.cedula}</td></tr>
<tr><td>RUC</td><td>${ruc.slice(0, 4)}<b>${ruc.slice(4, 9)}</b>${ruc.slice(9)}</td></tr></table>
<form id="frm" action="/iess-gestion-desbloqueo-publico-web/public/validar.jsf;jsessionid=${p.token}?ced=${p.cedula}" method="post">
<p class="ui-messages-info">Le enviamos un código a ${maskedEmail(p)} y al ${spaced(p.phone)}. Su código es ${p.code}. Fecha de nacimiento: ${birthText(p)}. Correo: ${p.email}</p>
<label for="frm:ced">Cédula</label><input id="frm:ced" name="frm:ced" type="text" maxlength="10" value="${p.cedula}" title="${p.cedula}" placeholder="${p.phone}">
<input type="text" name="frm:mail" value="${p.email}" readonly aria-label="${p.email}">
<input type="date" name="frm:nac" value="${p.year}-${pad(p.month)}-${pad(p.day)}">
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${p.token}">
<input type="hidden" name="frm:token" value="${p.token}"><input type="hidden" name="frm:code" value="${p.code}">
<img src="/captcha.jpg?c=${p.code}" alt="${p.code}" class="captcha">
<textarea name="frm:obs">${p.cedula} ${p.email}</textarea>
<p class="pregunta">¿Cuál de estas empresas fue su empleador?</p>
<table role="radiogroup">${p.employers.map((e, i) => `<tr><td><input type="radio" name="frm:q1" id="frm:q1:${i}" value="${esc(e)}"></td><td><label for="frm:q1:${i}">${esc(e)}</label></td></tr>`).join('')}
<tr><td><input type="radio" name="frm:q1" id="frm:q1:n" value="0"></td><td><label for="frm:q1:n">Ninguna de las anteriores</label></td></tr></table>
<label for="frm:q2">¿Quién es su cónyuge?</label><select id="frm:q2" name="frm:q2"><option value="">Seleccione</option><option value="${esc(upper)}">${esc(upper)}</option>${p.employers.map((e) => `<option>${esc(e)}</option>`).join('')}</select>
<p class="oculto">${p.cedula} ${p.token}</p>
${free}
<a href="https://www.iess.gob.ec/consulta?cedula=${p.cedula}&amp;mail=${encodeURIComponent(p.email)}" title="${p.email}">Consultar</a>
<button type="submit" value="${p.code}">Continuar</button>
</form></body></html>`;
}
