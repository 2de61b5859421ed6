/** Interprets the rule tables of rules.ts against a feature summary. */
import { clip } from '../text/fold';
import type { Features, Field, FieldKind } from './features';
import { withoutQuestions } from './questions';
import type { Count, FieldProbe, Probe, Rule } from './rules';

const DEFAULT_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'password', 'email', 'tel', 'number', 'date', 'select', 'textarea', 'other']);

function quote(m: RegExpExecArray | null): string {
  return m ? `"${clip(m[0].trim(), 30)}"` : '';
}

function firstMatch(list: readonly string[], re: RegExp): RegExpExecArray | null {
  for (const s of list) {
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}

function fieldMatches(field: Field, p: FieldProbe): RegExpExecArray | true | null {
  if ((p.editable ?? true) && !field.editable) return null;
  if (p.kinds ? !p.kinds.includes(field.kind) : !DEFAULT_KINDS.has(field.kind)) return null;
  if (p.maxLength && (field.maxLength < p.maxLength[0] || field.maxLength > p.maxLength[1])) return null;
  if (p.not?.test(field.label)) return null;
  if (p.options && (field.options < p.options[0] || field.options > p.options[1])) return null;
  if (p.numeric !== undefined && field.numeric !== p.numeric) return null;
  if (p.autocomplete && !p.autocomplete.test(field.autocomplete)) return null;
  if (p.widget && !p.widget.test(field.widget)) return null;
  let m: RegExpExecArray | true = true;
  if (p.label) {
    const hit = p.label.exec(field.label);
    if (!hit) return null;
    m = hit;
  }
  if (p.key) {
    const hit = p.key.exec(field.key);
    if (!hit) return null;
    if (m === true) m = hit;
  }
  return m;
}

function describeField(field: Field, m: RegExpExecArray | true, p: FieldProbe): string {
  const tag = field.kind === 'select' || field.kind === 'textarea' ? field.kind : `input[type=${field.kind}]`;
  const max = field.maxLength ? `[maxlength=${field.maxLength}]` : '';
  const how = m === true ? '' : p.label ? ` labelled ${quote(m)}` : ` named ${quote(m)}`;
  const times = (p.min ?? 1) > 1 ? ` ×${p.min}` : '';
  return `${tag}${max}${how}${times}`;
}

export function countOf(f: Features, what: Count): number {
  switch (what) {
    case 'fields':
      return f.fields.length;
    case 'entries':
      return f.fields.filter((x) => x.editable && DEFAULT_KINDS.has(x.kind)).length;
    case 'passwords':
      return f.fields.filter((x) => x.editable && x.kind === 'password').length;
    case 'checkboxes':
      return f.fields.filter((x) => x.editable && x.kind === 'checkbox').length;
    case 'radioGroups':
      return new Set(f.fields.filter((x) => x.editable && x.kind === 'radio').map((x) => x.group)).size;
    case 'imageChoices':
      return f.imageChoices;
    case 'keypadKeys':
      return f.keypadKeys;
    case 'forms':
      return f.forms;
    case 'oneCharBoxes':
      return f.fields.filter((x) => x.editable && x.maxLength === 1 && (x.kind === 'text' || x.kind === 'number' || x.kind === 'tel' || x.kind === 'password')).length;
  }
}

/** Returns a short structural description when the probe matches, or null. */
export function probe(f: Features, p: Probe, counts: Map<Count, number>): string | null {
  if ('field' in p) {
    let hits = 0;
    let first: string | null = null;
    for (const field of f.fields) {
      const m = fieldMatches(field, p.field);
      if (m) {
        hits++;
        first ??= describeField(field, m, p.field);
        if (hits >= (p.field.min ?? 1)) return first;
      }
    }
    return null;
  }
  if ('button' in p) {
    const m = firstMatch(f.buttons, p.button);
    return m ? `button ${quote(m)}` : null;
  }
  if ('link' in p) {
    const m = firstMatch(f.links, p.link);
    return m ? `link ${quote(m)}` : null;
  }
  if ('heading' in p) {
    const m = firstMatch(p.stated ? f.headings.map(withoutQuestions) : f.headings, p.heading);
    return m ? `heading ${quote(m)}` : null;
  }
  if ('message' in p) {
    const sev = p.severity;
    const list = f.messages.filter((x) => !sev || sev.includes(x.severity));
    for (const msg of list) {
      const m = p.message.exec(msg.text);
      if (m) return `message(${msg.severity}) ${quote(m)}`;
    }
    return null;
  }
  if ('text' in p) {
    const m = p.text.exec(f.text);
    return m ? `text ${quote(m)}` : null;
  }
  if ('statement' in p) {
    const m = p.statement.exec(f.statements);
    return m ? `text ${quote(m)}` : null;
  }
  if ('path' in p) {
    return p.path.test(f.path) ? `path ${clip(f.path, 60)}` : null;
  }
  if ('app' in p) {
    if (p.app.test(f.path)) return `path ${clip(f.path, 60)}`;
    const action = f.actions.find((a) => p.app.test(a));
    return action ? `form action ${clip(action, 60)}` : null;
  }
  if ('count' in p) {
    let n = counts.get(p.count);
    if (n === undefined) {
      n = countOf(f, p.count);
      counts.set(p.count, n);
    }
    if (p.min !== undefined && n < p.min) return null;
    // A truncated view cannot tell that something is absent: "at most N" never holds on it.
    if (p.max !== undefined && (n > p.max || f.truncated)) return null;
    return `${p.count}=${n}`;
  }
  if (p.flag === 'captcha') return f.captcha ? 'captcha widget' : null;
  return f.antiBot ? 'anti-bot challenge script' : null;
}

export interface Scored {
  score: number;
  signals: string[];
}

/** Cheap probes first: counts, flags and paths, then the short lists, the page's whole text last. */
function cost(p: Probe): number {
  if ('text' in p || 'statement' in p) return 2;
  return 'count' in p || 'flag' in p || 'path' in p || 'app' in p ? 0 : 1;
}

/** Per rule, the order its probes are tried in (all must match, so the order changes nothing but the time). */
const ORDER = new WeakMap<Rule, number[]>();
function orderOf(rule: Rule): number[] {
  let order = ORDER.get(rule);
  if (!order) {
    order = rule.all.map((_, i) => i).sort((a, b) => cost(rule.all[a]!) - cost(rule.all[b]!) || a - b);
    ORDER.set(rule, order);
  }
  return order;
}

/** Text probes answered once per page summary: many rules ask the same pattern of the same text. */
const TEXT_ANSWERS = new WeakMap<Features, Map<RegExp, string | null>[]>();
function probeOnce(f: Features, p: Probe, counts: Map<Count, number>): string | null {
  const re = 'text' in p ? p.text : 'statement' in p ? p.statement : null;
  if (!re) return probe(f, p, counts);
  let answers = TEXT_ANSWERS.get(f);
  if (!answers) {
    answers = [new Map(), new Map()];
    TEXT_ANSWERS.set(f, answers);
  }
  const known = answers['text' in p ? 0 : 1]!;
  let answer = known.get(re);
  if (answer === undefined) {
    answer = probe(f, p, counts);
    known.set(re, answer);
  }
  return answer;
}

/** Sums the weights of the rules whose probes all match; keeps the descriptions of the positive ones. */
export function scoreRules(f: Features, rules: readonly Rule[], counts: Map<Count, number>): Scored {
  let score = 0;
  const signals: string[] = [];
  for (const rule of rules) {
    const parts: string[] = [];
    let ok = true;
    for (const i of orderOf(rule)) {
      const d = probeOnce(f, rule.all[i]!, counts);
      if (d === null) {
        ok = false;
        break;
      }
      parts[i] = d;
    }
    if (!ok) continue;
    score += rule.w;
    if (rule.w > 0) signals.push(parts.join(' + '));
  }
  return { score, signals };
}
