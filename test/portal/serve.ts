/**
 * Starts the practice portal: `npx tsx test/portal/serve.ts --port 8080 [--delay 5000]`
 * (or `npm run portal -- --port 8080`).
 */
import { createPortalServer } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const portal = createPortalServer({
  port: Number(arg('port') ?? 8080),
  host: arg('host') ?? '127.0.0.1',
  // A short, realistic wait for the mail; tests use 0.
  deliveryDelayMs: Number(arg('delay') ?? 3000),
  ...(arg('link-validity') ? { linkValidityMs: Number(arg('link-validity')) } : {}),
  // --birth-lists: the verification step asks the birth day and month with lists instead of typed numbers.
  ...(process.argv.includes('--birth-lists') ? { birthDateAs: 'lists' as const } : {}),
});

const { port, urls } = await portal.start();
console.log(`Portal de práctica (SIMULACIÓN) escuchando en 127.0.0.1:${port}

Asigne estos nombres a 127.0.0.1 en el navegador de pruebas:
  app.iess.gob.ec  www.iess.gob.ec
  (Chrome: --host-resolver-rules="MAP app.iess.gob.ec 127.0.0.1, MAP www.iess.gob.ec 127.0.0.1"
   o en /etc/hosts: 127.0.0.1 app.iess.gob.ec www.iess.gob.ec)

  Inicio de la práctica     ${urls.sim}/
  Portal IESS (inicio)       ${urls.www}/
  Afiliados: ingreso         ${urls.www}/afiliado-web/pages/principal.jsf
  Generar / Recuperar clave  ${urls.app}/iess-gestion-desbloqueo-publico-web/
  Desbloqueo de clave        ${urls.app}/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf
  Empleador: recuperar clave ${urls.www}/empleador-web/pages/public/recuperarClave.jsf
  Cambio de clave            ${urls.www}/afiliado-web/pages/public/cambioClave.jsf
  Buzón de práctica          ${urls.sim}/correo/

Personas y respuestas: test/portal/README.md. Ctrl+C para salir.`);

const shutdown = () => {
  void portal.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
