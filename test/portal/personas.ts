/**
 * Synthetic people and employers of the practice portal. Every cédula passes the módulo-10 check
 * (computed with cedulaCheckDigit, verified by test/unit/portal/personas.test.ts) but none belongs to
 * anyone we know of; addresses use the reserved example.* domains.
 */

export const SECURITY_IMAGES = [
  { id: 'sol', label: 'Sol' },
  { id: 'arbol', label: 'Árbol' },
  { id: 'casa', label: 'Casa' },
  { id: 'perro', label: 'Perro' },
  { id: 'barco', label: 'Barco' },
  { id: 'guitarra', label: 'Guitarra' },
  { id: 'flor', label: 'Flor' },
  { id: 'montana', label: 'Montaña' },
  { id: 'llave', label: 'Llave' },
] as const;
export type SecurityImageId = (typeof SECURITY_IMAGES)[number]['id'];

/** Questions offered in the data bank (profile step) for the person to answer. */
export const PERSONAL_QUESTION_BANK = [
  '¿Cuál es el nombre de su primera mascota?',
  '¿En qué ciudad nació su madre?',
  '¿Cuál es su comida favorita?',
  '¿Cómo se llamaba su escuela primaria?',
  '¿Cuál es el segundo nombre de su padre?',
  '¿Cuál fue su primer trabajo?',
] as const;

export type PersonaFlow =
  | 'recover-link'
  | 'recover-first-time'
  | 'recover-image'
  | 'recover-otp'
  | 'recover-slow-email'
  | 'recover-no-email'
  | 'blocked'
  | 'unlock'
  | 'challenge'
  | 'app-error';

export interface PersonalAnswer {
  question: string;
  answer: string;
}

export interface Persona {
  id: string;
  flow: PersonaFlow;
  cedula: string;
  /** As the portal prints it: APELLIDOS NOMBRES, upper case. */
  name: string;
  birthDay: number;
  birthMonth: number;
  email?: string;
  /** Extra delivery delay for this person's mail, on top of the server's deliveryDelayMs. */
  emailDelayMs?: number;
  /** False for someone generating the key for the first time: they go through the data bank. */
  hasKey: boolean;
  securityImage?: SecurityImageId;
  otp?: boolean;
  blocked?: boolean;
  /** Fingerprint registered at a CAU: required to unlock online (IESS press release 2024-11-15). */
  fingerprint?: boolean;
  /** Current key, for the "Cambio de clave" page only. */
  currentKey?: string;
  history: { employers: [string, string]; firstYear: number; province: string };
  personal: PersonalAnswer[];
  summary: string;
}

export interface Employer {
  id: string;
  flow: 'employer' | 'household-employer';
  ruc: string;
  sucursal: string;
  businessName: string;
  representativeCedula: string;
  representativeName: string;
  email: string;
  summary: string;
}

const PERSONAL_ANA: PersonalAnswer[] = [
  { question: '¿Cuál es el nombre de su primera mascota?', answer: 'Firulais' },
  { question: '¿En qué ciudad nació su madre?', answer: 'Loja' },
  { question: '¿Cuál es su comida favorita?', answer: 'Encebollado' },
];

const personal = (pet: string, city: string, food: string): PersonalAnswer[] => [
  { question: '¿Cuál es el nombre de su primera mascota?', answer: pet },
  { question: '¿En qué ciudad nació su madre?', answer: city },
  { question: '¿Cuál es su comida favorita?', answer: food },
];

export const PERSONAS: readonly Persona[] = [
  {
    id: 'ana',
    flow: 'recover-link',
    cedula: '1712345600',
    name: 'PRUEBA SIMULADA ANA LUCIA',
    birthDay: 14,
    birthMonth: 3,
    email: 'ana.practica@example.com',
    hasKey: true,
    currentKey: 'Clave2024',
    history: { employers: ['COMERCIAL ANDINA DEMO S.A.', 'TEXTILES DEL VALLE FICTICIA CIA. LTDA.'], firstYear: 2009, province: 'PICHINCHA' },
    personal: PERSONAL_ANA,
    summary: 'Recupera la clave con enlace por correo (camino feliz).',
  },
  {
    id: 'bruno',
    flow: 'recover-first-time',
    cedula: '0902345610',
    name: 'EJEMPLO FICTICIO BRUNO JAVIER',
    birthDay: 2,
    birthMonth: 11,
    hasKey: false,
    history: { employers: ['PESQUERA DEL PACIFICO DEMO S.A.', 'FERRETERIA GUAYAS FICTICIA'], firstYear: 2021, province: 'GUAYAS' },
    personal: [],
    summary: 'Genera la clave por primera vez: pasa por el banco de datos (correo, teléfonos, imagen, preguntas).',
  },
  {
    id: 'carmen',
    flow: 'recover-image',
    cedula: '0103456729',
    name: 'DEMO PRUEBA CARMEN ROSA',
    birthDay: 27,
    birthMonth: 8,
    email: 'carmen.demo@example.net',
    hasKey: true,
    securityImage: 'arbol',
    history: { employers: ['CERAMICA AUSTRAL DEMO C.A.', 'UNIVERSIDAD FICTICIA DEL SUR'], firstYear: 2001, province: 'AZUAY' },
    personal: personal('Pelusa', 'Cuenca', 'Mote pillo'),
    summary: 'Debe elegir su imagen de seguridad (Árbol) antes de que se envíe el enlace.',
  },
  {
    id: 'diego',
    flow: 'recover-otp',
    cedula: '1104567837',
    name: 'SIMULADO EJEMPLO DIEGO ANDRES',
    birthDay: 9,
    birthMonth: 1,
    email: 'diego.codigo@example.org',
    hasKey: true,
    otp: true,
    history: { employers: ['MADERAS DEL SUR FICTICIA S.A.', 'COOPERATIVA DEMO LOJA'], firstYear: 2015, province: 'LOJA' },
    personal: personal('Rocky', 'Zamora', 'Cecina'),
    summary: 'Variante con código: recibe un código de 6 dígitos por correo y lo escribe en el portal.',
  },
  {
    id: 'hector',
    flow: 'recover-slow-email',
    cedula: '0603123472',
    name: 'LENTO PRUEBA HECTOR MANUEL',
    birthDay: 30,
    birthMonth: 6,
    email: 'hector.lento@example.net',
    emailDelayMs: 90_000,
    hasKey: true,
    history: { employers: ['MOLINOS DEL CHIMBORAZO DEMO', 'TRANSPORTES RIOBAMBA FICTICIA'], firstYear: 2005, province: 'CHIMBORAZO' },
    personal: personal('Toby', 'Riobamba', 'Hornado'),
    summary: 'Como Ana, pero su correo tarda 90 s en llegar (queda menos tiempo para usar el enlace).',
  },
  {
    id: 'fernando',
    flow: 'recover-no-email',
    cedula: '1709876559',
    name: 'SINCORREO DEMO FERNANDO LUIS',
    birthDay: 5,
    birthMonth: 12,
    hasKey: true,
    history: { employers: ['CONSTRUCTORA CAPITAL DEMO', 'SEGURIDAD INTEGRAL FICTICIA'], firstYear: 1998, province: 'PICHINCHA' },
    personal: personal('Manchas', 'Ambato', 'Llapingachos'),
    summary: 'No tiene correo registrado: tras verificar sus datos se le indica acudir a un CAU.',
  },
  {
    id: 'gloria',
    flow: 'blocked',
    cedula: '3001456726',
    name: 'BLOQUEADA EJEMPLO GLORIA INES',
    birthDay: 18,
    birthMonth: 4,
    email: 'gloria.bloqueo@example.com',
    hasKey: true,
    blocked: true,
    fingerprint: false,
    history: { employers: ['EXPORTADORA EXTERIOR DEMO', 'SERVICIOS CONSULARES FICTICIA'], firstYear: 2012, province: 'PICHINCHA' },
    personal: personal('Nina', 'Madrid', 'Seco de chivo'),
    summary: 'Cuenta ya bloqueada y sin huella registrada: no puede desbloquear en línea (debe ir a un CAU).',
  },
  {
    id: 'elena',
    flow: 'unlock',
    cedula: '2305678944',
    name: 'DESBLOQUEO DEMO ELENA MARIA',
    birthDay: 21,
    birthMonth: 9,
    email: 'elena.desbloqueo@example.com',
    hasKey: true,
    blocked: true,
    fingerprint: true,
    history: { employers: ['AGRICOLA TSACHILA DEMO', 'PALMICULTORES FICTICIA S.A.'], firstYear: 2010, province: 'SANTO DOMINGO DE LOS TSACHILAS' },
    personal: personal('Bobby', 'Quevedo', 'Bolón'),
    summary: 'Cuenta bloqueada con huella registrada: desbloquea con el enlace del correo y luego recupera la clave.',
  },
  {
    id: 'sofia',
    flow: 'challenge',
    cedula: '1804234589',
    name: 'SOBRECARGA PRUEBA SOFIA',
    birthDay: 11,
    birthMonth: 2,
    email: 'sofia.carga@example.org',
    hasKey: true,
    history: { employers: ['CALZADO AMBATO DEMO', 'CURTIEMBRE FICTICIA'], firstYear: 2016, province: 'TUNGURAHUA' },
    personal: personal('Luna', 'Ambato', 'Fritada'),
    summary: 'Al buscar su cédula el portal responde con la página anti-bot (desafío F5).',
  },
  {
    id: 'tomas',
    flow: 'app-error',
    cedula: '1205345695',
    name: 'FALLO SIMULADO TOMAS',
    birthDay: 3,
    birthMonth: 7,
    email: 'tomas.fallo@example.org',
    hasKey: true,
    history: { employers: ['BANANERA LOS RIOS DEMO', 'AGROQUIMICOS FICTICIA'], firstYear: 2003, province: 'LOS RIOS' },
    personal: personal('Max', 'Babahoyo', 'Bollo'),
    summary: 'Al buscar su cédula el portal muestra la página de error de aplicación.',
  },
];

export const EMPLOYERS: readonly Employer[] = [
  {
    id: 'distribuidora',
    flow: 'employer',
    ruc: '1790000028001',
    sucursal: '0001',
    businessName: 'DISTRIBUIDORA EJEMPLO SIMULADA S.A.',
    representativeCedula: '0908765431',
    representativeName: 'REPRESENTANTE DEMO IVAN',
    email: 'rrhh.distribuidora@example.com',
    summary: 'Empleador (sociedad): RUC, sucursal 0001 y cédula del representante; recibe un código por correo.',
  },
  {
    id: 'julia',
    flow: 'household-employer',
    ruc: '1717171712000',
    sucursal: '0001',
    businessName: 'HOGAR JULIA EJEMPLO',
    representativeCedula: '1717171712',
    representativeName: 'EJEMPLO HOGAR JULIA',
    email: 'julia.hogar@example.org',
    summary: 'Empleadora doméstica: RUC = cédula + 000, sucursal 0001; recibe un código por correo.',
  },
];

/** Valid check digit, but no such person in the simulated IESS. */
export const UNREGISTERED_CEDULA = '1711223345';
/** Fails the módulo-10 check digit (1712345600 with the last digit changed). */
export const INVALID_CEDULA = '1712345601';
/** Well-formed RUC of no registered employer. */
export const UNREGISTERED_RUC = '1723456784001';

export const findPersona = (cedula: string): Persona | undefined => PERSONAS.find((p) => p.cedula === cedula);
export const personaById = (id: string): Persona | undefined => PERSONAS.find((p) => p.id === id);
export const findEmployer = (ruc: string): Employer | undefined => EMPLOYERS.find((e) => e.ruc === ruc);

/** `ana.practica@example.com` → `a***@example.com`, the way the portal shows it. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export interface ChoiceQuestion {
  id: string;
  text: string;
  options: string[];
  answer: string;
}

const DECOY_COMPANIES = [
  'ALIMENTOS DEL NORTE FICTICIA S.A.',
  'IMPORTADORA DEMO CIA. LTDA.',
  'CONSTRUCCIONES EJEMPLO S.A.',
  'FARMACIAS SIMULADAS DEL ECUADOR',
  'HOTEL PRUEBA INTERNACIONAL',
];
const DECOY_PROVINCES = ['MANABI', 'EL ORO', 'IMBABURA', 'ESMERALDAS', 'COTOPAXI'];

/** Rotates options by a digit of the cédula so the right answer is not always first. */
function arrange(correct: string, decoys: string[], seed: number): string[] {
  const options = [correct, ...decoys.filter((d) => d !== correct).slice(0, 3)];
  const shift = seed % options.length;
  return [...options.slice(shift), ...options.slice(0, shift)];
}

/** The four labour-history questions (multiple choice) the portal rotates through, two at a time. */
export function labourQuestions(p: Persona): ChoiceQuestion[] {
  const seed = Number(p.cedula[8]);
  const [current, previous] = p.history.employers;
  const year = p.history.firstYear;
  return [
    {
      id: 'empresa',
      text: '¿En cuál de las siguientes empresas ha trabajado?',
      options: arrange(current, DECOY_COMPANIES, seed),
      answer: current,
    },
    {
      id: 'anio',
      text: '¿En qué año se afilió por primera vez al IESS?',
      options: arrange(String(year), [String(year - 3), String(year + 2), String(year + 5)], seed + 1),
      answer: String(year),
    },
    {
      id: 'anterior',
      text: '¿Cuál de estos empleadores le afilió anteriormente?',
      options: arrange(previous, DECOY_COMPANIES.slice(2).concat(DECOY_COMPANIES.slice(0, 2)), seed + 2),
      answer: previous,
    },
    {
      id: 'provincia',
      text: '¿En qué provincia se encuentra su empleador actual?',
      options: arrange(p.history.province, DECOY_PROVINCES, seed + 3),
      answer: p.history.province,
    },
  ];
}

/** Accent-, case- and space-insensitive comparison of free-text answers. */
export function sameAnswer(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  return fold(a) === fold(b) && fold(a) !== '';
}
