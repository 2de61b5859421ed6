// Writes big-form.html: a Generar / Recuperar clave identity form (cédula + reCAPTCHA iframe)
// placed after more than 50,000 other elements (news tables and link lists), and adds its label
// to labels.json. Synthetic data only; no network resources are loaded.
// Usage: node make-big.mjs   (from any directory)
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const TOPICS = ['Afiliación voluntaria', 'Fondos de reserva', 'Préstamos quirografarios', 'Jubilación por vejez', 'Cesantía', 'Riesgos del trabajo', 'Seguro campesino', 'Montepío', 'Agendamiento de citas', 'Planillas de aportes'];
const CITIES = ['Quito', 'Guayaquil', 'Cuenca', 'Ambato', 'Loja', 'Manta', 'Ibarra', 'Machala', 'Riobamba', 'Esmeraldas'];

let count = 0; // elements emitted before the form
const parts = [];
// 1) News tables: each row = tr + 4 td + a + span = 7 elements.
for (let t = 0; t < 25; t++) {
  const rows = [];
  for (let r = 0; r < 200; r++) {
    const n = t * 200 + r;
    const topic = TOPICS[n % TOPICS.length];
    const city = CITIES[(n * 7) % CITIES.length];
    const day = String((n % 28) + 1).padStart(2, '0');
    const mon = String((n % 12) + 1).padStart(2, '0');
    rows.push(`<tr class="fila-noticia"><td>${n + 1}</td><td><a href="https://www.iess.gob.ec/es/sala-de-prensa/-/asset_publisher/4DHq/content/noticia-${n + 1}">${topic}: novedades en ${city}</a></td><td>${day}/${mon}/2026</td><td><span class="etiqueta-tema">${topic}</span></td></tr>`);
    count += 7;
  }
  parts.push(`<table class="tabla-noticias" id="tablaNoticias${t}"><caption>Boletines de prensa, bloque ${t + 1}</caption><thead><tr><th>N.º</th><th>Titular</th><th>Fecha</th><th>Tema</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  count += 9; // table, caption, thead, tr, 4 th, tbody
}
// 2) Link lists: each li + a = 2 elements.
for (let l = 0; l < 8; l++) {
  const items = [];
  for (let i = 0; i < 950; i++) {
    const n = l * 950 + i;
    items.push(`<li><a href="https://www.iess.gob.ec/es/web/guest/servicio-${n}">${TOPICS[n % TOPICS.length]} - agencia ${CITIES[n % CITIES.length]} ${n}</a></li>`);
    count += 2;
  }
  parts.push(`<h2>Servicios y agencias (${l + 1})</h2><ul class="lista-servicios">${items.join('')}</ul>`);
  count += 2;
}
if (count < 50000) throw new Error(`only ${count} elements before the form`);

const viewState = 'H4sIAAAAAAAAA' + Array.from({ length: 300 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(i * 37 + 11) % 64]).join('') + '==';
const form = `<div class="ui-g ui-fluid"><div class="card card-w-title" id="tarjetaClave"><h1>Generar / Recuperar clave</h1>
<form id="frmGenerarClave" name="frmGenerarClave" method="post" action="/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="frmGenerarClave" value="frmGenerarClave" />
<div id="frmGenerarClave:msgs" class="ui-messages ui-widget" aria-live="polite"></div>
<p>Ingrese su número de cédula o código y marque "No soy un robot".</p>
<span class="md-inputfield"><input id="frmGenerarClave:txtCedula" name="frmGenerarClave:txtCedula" type="text" maxlength="10" class="ui-inputfield ui-inputtext ui-widget ui-state-default ui-corner-all" data-p-rmsg="Ingrese su cédula." /><label for="frmGenerarClave:txtCedula">Cédula o código</label></span>
<div class="g-recaptcha" data-sitekey="6LcXsyntheticKEYforTESTSonly000000000000"><div style="width:304px;height:78px"><div><iframe title="reCAPTCHA" width="304" height="78" role="presentation" frameborder="0" scrolling="no" src="https://www.google.com/recaptcha/api2/anchor?ar=1&amp;k=6LcXsyntheticKEYforTESTSonly000000000000&amp;hl=es&amp;v=synthetic&amp;size=normal"></iframe></div><textarea id="g-recaptcha-response" name="g-recaptcha-response" class="g-recaptcha-response" style="display:none"></textarea></div></div>
<button id="frmGenerarClave:btnBuscar" name="frmGenerarClave:btnBuscar" class="ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only" type="submit"><span class="ui-button-text ui-c">Buscar</span></button>
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${viewState}" autocomplete="off" />
</form></div></div>`;

const html = `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>IESS - Generar / Recuperar clave</title>
<style>body{font-family:Arial,sans-serif;margin:0}.landing-header{background:#1e6b52;color:#fff;padding:10px 20px}.tabla-noticias{border-collapse:collapse;font-size:11px;margin:8px 0}.tabla-noticias td{border-bottom:1px solid #eee;padding:2px 6px}.lista-servicios{columns:4;font-size:11px}.card{max-width:620px;margin:20px auto;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.3)}.landing-footer{background:#263238;color:#ccc;padding:14px}.landing-footer a{color:#ccc;margin-right:12px}</style>
</head><body class="landing-body">
<div class="landing-header"><b>IESS</b> · <a style="color:#fff" href="https://www.iess.gob.ec/afiliado">Afiliados</a> · <a style="color:#fff" href="https://www.iess.gob.ec/empleador">Empleadores</a> · <a style="color:#fff" href="https://www.iess.gob.ec/pensionistas/">Pensionistas</a></div>
<div id="noticias" class="contenedor-noticias">
${parts.join('\n')}
</div>
${form}
<div class="landing-footer"><a href="https://www.iess.gob.ec/afiliado">Afiliados</a><a href="https://www.iess.gob.ec/empleador">Empleadores</a><a href="https://www.iess.gob.ec/transparencia">Transparencia</a><p>© 2026 Instituto Ecuatoriano de Seguridad Social.</p></div>
</body></html>`;

writeFileSync(join(dir, 'big-form.html'), html);
const labelsPath = join(dir, 'labels.json');
const labels = existsSync(labelsPath) ? JSON.parse(readFileSync(labelsPath, 'utf8')) : {};
labels['big-form.html'] = {
  step: 'identity',
  flow: 'recover',
  alerts: [],
  url: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf',
  why: `cédula + reCAPTCHA recovery form placed after ${count} news/list elements (size/perf test)`,
};
writeFileSync(labelsPath, JSON.stringify(labels, null, 2) + '\n');
console.log(`big-form.html: ${count} elements before the form, ${(html.length / 1e6).toFixed(1)} MB`);
