/**
 * The people a volunteer prepares ("Para mí", "Mamá"…), with optional data used only for local checks (the
 * cédula and email typed on the portal, the new key's personal data). By default they live in
 * `storage.session` (gone when the browser closes); "Recordar en este equipo" keeps them in `storage.local`.
 * The content script never reads this: it asks the background for the active person (see messages/).
 */
import type { PreparedPerson } from '../flow/warnings';
import type { Parsed, StoreItem } from './schema';

/** A prepared person: the data the checks compare (flow/warnings.ts `PreparedPerson`), an id and ticks. */
export interface Person extends PreparedPerson {
  id: string;
  /** Pre-flight checklist ticks, by item id. */
  preflight?: Record<string, boolean>;
}

export interface People {
  activeId: string | null;
  list: Person[];
}

export const EMPTY_PEOPLE: Readonly<People> = Object.freeze({ activeId: null, list: Object.freeze([]) as unknown as Person[] });

const MAX_PEOPLE = 20;
const MAX_TEXT = 120;

const isRecord = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);
const text = (v: unknown, max = MAX_TEXT): string | undefined =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim().slice(0, max) : undefined;
const int = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;

function parsePerson(raw: unknown): Person | null {
  if (!isRecord(raw)) return null;
  const id = text(raw.id, 40);
  const label = text(raw.label, 40);
  if (!id || !label) return null;
  const person: Person = { id, label };
  const cedula = text(raw.cedula, 13);
  if (cedula && /^\d{10}(\d{3})?$/.test(cedula)) person.cedula = cedula;
  const email = text(raw.email, 254);
  if (email) person.email = email;
  const day = int(raw.birthDay, 1, 31);
  const month = int(raw.birthMonth, 1, 12);
  if (day !== undefined && month !== undefined) Object.assign(person, { birthDay: day, birthMonth: month });
  const names = text(raw.names);
  if (names) person.names = names;
  if (isRecord(raw.preflight)) {
    const ticks = Object.entries(raw.preflight).filter(([k, v]) => typeof v === 'boolean' && k.length <= 40);
    if (ticks.length > 0) person.preflight = Object.fromEntries(ticks.slice(0, 40)) as Record<string, boolean>;
  }
  return person;
}

export function parsePeople(raw: unknown): Parsed<People> {
  if (raw === undefined) return { value: { activeId: null, list: [] }, problems: [] };
  if (!isRecord(raw) || !Array.isArray(raw.list)) return { value: { activeId: null, list: [] }, problems: ['people'] };
  const list: Person[] = [];
  const seen = new Set<string>();
  let dropped = false;
  for (const entry of raw.list.slice(0, MAX_PEOPLE)) {
    const person = parsePerson(entry);
    if (!person || seen.has(person.id)) {
      dropped = true;
      continue;
    }
    seen.add(person.id);
    list.push(person);
  }
  const activeId = typeof raw.activeId === 'string' && seen.has(raw.activeId) ? raw.activeId : null;
  return { value: { activeId, list }, problems: dropped ? ['people.entry'] : [] };
}

/** Until the browser closes (the default). */
export const PEOPLE_SESSION: StoreItem<People> = { key: 'people', area: 'session', parse: parsePeople };
/** On this computer, when the person chose "Recordar en este equipo". */
export const PEOPLE_REMEMBERED: StoreItem<People> = { key: 'people', area: 'local', parse: parsePeople };

export function activePerson(people: People): Person | null {
  return people.list.find((p) => p.id === people.activeId) ?? null;
}
