/** One pre-flight tick for one person, as a change to the people value (popup and side area share it). */
import type { People } from '../storage/people';

export function tickPreflight(people: People, personId: string, itemId: string, ticked: boolean): People {
  return {
    ...people,
    list: people.list.map((p) => (p.id === personId ? { ...p, preflight: { ...p.preflight, [itemId]: ticked } } : p)),
  };
}
