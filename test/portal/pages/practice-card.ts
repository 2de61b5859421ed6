/**
 * The practice card: whom to try on the practice portal, what happens to each persona and the answers to their
 * questions, on every simulated page, so that a newcomer who lands on the login page knows what to type.
 *
 * It is part of the simulation only (never of the extension). It sits at the end of the page inside the page
 * footer, folded, so it never covers the portal's form; and a <footer> is site chrome to the step detector
 * (src/detect/element-roles.ts), whose text, headings and links are not read, so the card cannot change what a page
 * is detected as. It holds no form control and no message-like class for the same reason.
 */
import { html, type SafeHtml } from '../html';
import { EMPLOYERS, INVALID_CEDULA, PERSONAS, SECURITY_IMAGES, UNREGISTERED_CEDULA, UNREGISTERED_RUC, type Persona } from '../personas';

export const PRACTICE_CARD_ID = 'tarjeta-practica';

function extras(p: Persona): string {
  const out: string[] = [];
  if (p.email) out.push(`correo ${p.email}`);
  if (p.securityImage) out.push(`imagen: ${SECURITY_IMAGES.find((i) => i.id === p.securityImage)?.label ?? p.securityImage}`);
  if (p.currentKey) out.push(`clave actual (para «Cambio de clave»): ${p.currentKey}`);
  if (p.otp) out.push('el código llega al buzón de práctica');
  return out.join(' · ');
}

const personal = (p: Persona): string =>
  p.personal.length > 0 ? p.personal.map((a) => a.answer).join(' / ') : '— (las elige en el banco de datos)';

export function practiceCard(): SafeHtml {
  return html`<details id="${PRACTICE_CARD_ID}" class="tarjeta-practica">
<summary>Tarjeta de práctica (simulación): a quién probar y sus respuestas</summary>
<p>Escriba una de estas cédulas en «Generar / Recuperar clave». Los correos llegan al buzón de práctica (http://127.0.0.1:PUERTO/correo/). Todos los datos son ficticios.</p>
<table class="tarjeta-tabla">
<thead><tr><th scope="col">Cédula</th><th scope="col">Qué pasa</th><th scope="col">Nacimiento (día/mes)</th><th scope="col">Historia laboral: empleador actual; anterior; primer año; provincia</th><th scope="col">Mascota / ciudad de la madre / comida</th><th scope="col">Más</th></tr></thead>
<tbody>
${PERSONAS.map(
  (p) => html`<tr><td>${p.cedula}</td><td>${p.summary}</td><td>${p.birthDay}/${p.birthMonth}</td><td>${p.history.employers[0]}; ${p.history.employers[1]}; ${p.history.firstYear}; ${p.history.province}</td><td>${personal(p)}</td><td>${extras(p)}</td></tr>`,
)}
<tr><td>${UNREGISTERED_CEDULA}</td><td>Cédula válida que el IESS no tiene registrada.</td><td colspan="4"></td></tr>
<tr><td>${INVALID_CEDULA}</td><td>Falla el dígito verificador: «no es válido».</td><td colspan="4"></td></tr>
</tbody></table>
<table class="tarjeta-tabla">
<thead><tr><th scope="col">RUC</th><th scope="col">Sucursal</th><th scope="col">Cédula del representante</th><th scope="col">Qué pasa</th></tr></thead>
<tbody>
${EMPLOYERS.map((e) => html`<tr><td>${e.ruc}</td><td>${e.sucursal}</td><td>${e.representativeCedula}</td><td>${e.summary}</td></tr>`)}
<tr><td>${UNREGISTERED_RUC}</td><td>0001</td><td></td><td>RUC bien formado que no es de ningún empleador.</td></tr>
</tbody></table>
<p>Preguntas de historia laboral: son de opción múltiple; elija la que coincide con esta tarjeta. Las respuestas escritas no distinguen mayúsculas ni tildes.</p>
</details>`;
}
