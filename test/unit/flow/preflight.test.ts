import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_IDS } from '../../../src/detect/vocabulary';
import {
  PREFLIGHT,
  PREFLIGHT_ITEM_IDS,
  PREFLIGHT_MESSAGE_KEYS,
  PREFLIGHT_SUMMARY,
  preflightFor,
  readiness,
} from '../../../src/flow/preflight';
import { catalogues, missingKeys } from './locales';

const ids = (flow: keyof typeof PREFLIGHT) => PREFLIGHT[flow].map((item) => item.id);

describe('pre-flight checklist', () => {
  it.each([
    ['recover', ['id-number', 'email-open', 'phone', 'birth-date', 'security-image', 'work-history', 'captcha', 'time']],
    ['unlock', ['id-number', 'fingerprint', 'email-open', 'captcha', 'time']],
    ['employer', ['employer-ids', 'employer-email-open', 'captcha', 'time']],
  ] as const)('%s lists what to have ready, in order', (flow, expected) => {
    expect(ids(flow)).toEqual(expected);
  });

  it('an unknown flow gets the recovery list', () => {
    expect(preflightFor('unknown')).toBe(PREFLIGHT.recover);
    for (const flow of FLOW_IDS) expect(preflightFor(flow).length).toBeGreaterThan(0);
  });

  it('every item has a label, a why and a fallback, all distinct and in both locales', () => {
    expect(missingKeys(PREFLIGHT_MESSAGE_KEYS)).toEqual([]);
    expect(new Set(PREFLIGHT_MESSAGE_KEYS).size).toBe(PREFLIGHT_MESSAGE_KEYS.length);
    const used = new Set(Object.values(PREFLIGHT).flatMap((items) => items.map((i) => i.id)));
    expect([...used].sort()).toEqual([...PREFLIGHT_ITEM_IDS].sort());
  });

  it('ids are unique within each flow', () => {
    for (const flow of ['recover', 'unlock', 'employer'] as const) expect(new Set(ids(flow)).size).toBe(ids(flow).length);
  });

  it('says the things that trip people up, in plain Spanish', () => {
    const es = catalogues.es;
    const text = (key: string) => es[key]!.message;
    expect(text('preflightEmailWhy')).toMatch(/3 minutos/);
    expect(text('preflightEmailFallback')).toMatch(/oficina del IESS.*cédula/);
    expect(text('preflightFingerprintLabel')).toMatch(/Centro de Atención Universal/);
    expect(text('preflightFingerprintFallback')).toMatch(/en persona/);
    expect(text('preflightTimeLabel')).toMatch(/15 minutos/);
    expect(text('preflightEmployerIdsLabel')).toMatch(/RUC.*sucursal.*representante legal/);
    expect(text('preflightCaptchaLabel')).toMatch(/No soy un robot/);
    expect(text('preflightImageFallback')).toMatch(/oficina del IESS/);
  });

  it('never uses "afiliado/afiliada" (in Ecuador it means insured) in its wording', () => {
    for (const key of PREFLIGHT_MESSAGE_KEYS) {
      for (const lang of ['es', 'en'] as const) expect(catalogues[lang][key]!.message).not.toMatch(/afiliad/i);
    }
  });

  it('the summary takes the counts', () => {
    expect(catalogues.es[PREFLIGHT_SUMMARY]!.message).toBe('$READY$ de $TOTAL$ listos');
    expect(catalogues.en[PREFLIGHT_SUMMARY]!.message).toBe('$READY$ of $TOTAL$ ready');
  });
});

describe('readiness', () => {
  it.each([
    ['nothing ticked', 'recover', [], 0, 8],
    ['no ticks stored', 'recover', null, 0, 8],
    ['three of eight', 'recover', ['id-number', 'email-open', 'time'], 3, 8],
    ['another flow’s ticks do not count', 'employer', ['id-number', 'fingerprint'], 0, 4],
    ['shared facts count across flows', 'unlock', ['id-number', 'email-open', 'birth-date'], 2, 5],
    ['stale ids are ignored', 'recover', ['old-item', 'id-number', 'id-number'], 1, 8],
    ['all of them', 'employer', ['employer-ids', 'employer-email-open', 'captcha', 'time'], 4, 4],
    ['unknown counts as recovery', 'unknown', ['phone'], 1, 8],
  ] as const)('%s', (_name, flow, ticks, ready, total) => {
    expect(readiness(flow, ticks)).toEqual({ ready, total });
  });

  it('accepts a set or a map of id → ticked', () => {
    expect(readiness('recover', new Set(['phone', 'captcha']))).toEqual({ ready: 2, total: 8 });
    expect(readiness('recover', { phone: true, captcha: false, time: true })).toEqual({ ready: 2, total: 8 });
  });

  it('property: ready is always within [0, total]', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLOW_IDS), fc.array(fc.oneof(fc.constantFrom(...PREFLIGHT_ITEM_IDS), fc.string())), (flow, ticks) => {
        const { ready, total } = readiness(flow, ticks);
        return ready >= 0 && ready <= total && total === preflightFor(flow).length;
      }),
    );
  });
});
