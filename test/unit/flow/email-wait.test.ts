import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../src/detect/vocabulary';
import type { Deadline } from '../../../src/flow/countdown';
import { EMAIL_WAIT_MESSAGE_KEYS, emailWait, type EmailWaitInput, waitLevel } from '../../../src/flow/email-wait';
import { catalogues, missingKeys } from './locales';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const S = 1000;
const M = 60 * S;
const deadline: Deadline = { flow: 'recover', personId: null, requestedAt: T0, deadline: T0 + 3 * M, validityMs: 3 * M, source: 'detected' };
const at = (minutes: number, extra: Partial<EmailWaitInput> = {}): EmailWaitInput => ({
  sentAt: T0,
  now: T0 + minutes * M,
  step: 'email-sent',
  deadline,
  ...extra,
});

describe('email wait: while waiting', () => {
  it.each([
    [0, 'none', T0 + 5 * M],
    [4.99, 'none', T0 + 5 * M],
    [5, 'check-spam', T0 + 15 * M],
    [14, 'check-spam', T0 + 15 * M],
    [15, 'check-inbox-is-registered', T0 + 30 * M],
    [29.9, 'check-inbox-is-registered', T0 + 30 * M],
    [30, 'email-outdated', null],
    [600, 'email-outdated', null],
  ] as const)('after %s min: %s', (minutes, level, nextChangeAt) => {
    const wait = emailWait(at(minutes));
    expect(wait.waiting).toBe(true);
    expect(wait.level).toBe(level);
    expect(wait.nextChangeAt).toBe(nextChangeAt);
    expect(wait.waitedMs).toBe(Math.round(minutes * M));
  });

  it.each([
    ['check-spam', 7, ['emailWaitSpamTitle', 'emailWaitSpamAction']],
    ['check-inbox-is-registered', 20, ['emailWaitRegisteredTitle', 'emailWaitRegisteredAction']],
    ['email-outdated', 45, ['emailWaitOutdatedTitle', 'emailWaitOutdatedAction', 'emailWaitOutdatedBring']],
  ] as const)('%s says what to do', (_level, minutes, messages) => {
    expect(emailWait(at(minutes)).messages).toEqual(messages);
  });

  it('tells an employer who must go and with what', () => {
    expect(emailWait(at(31, { flow: 'employer' })).messages).toEqual([
      'emailWaitOutdatedTitle',
      'emailWaitOutdatedEmployerAction',
      'emailWaitOutdatedEmployerBring',
    ]);
    expect(catalogues.es.emailWaitOutdatedEmployerBring!.message).toMatch(/representante legal.*cédula.*RUC/);
  });

  it('the outdated advice says how to change the email at the IESS', () => {
    const es = catalogues.es;
    expect(es.emailWaitOutdatedAction!.message).toMatch(/oficina|Centro de Atención Universal/);
    expect(es.emailWaitOutdatedBring!.message).toMatch(/cédula/);
    expect(es.emailWaitSpamAction!.message).toMatch(/Spam.*Promociones/);
  });

  it('a clock moved back waits 0 and still schedules the next change ahead', () => {
    const wait = emailWait(at(-10));
    expect(wait).toMatchObject({ waiting: true, level: 'none', waitedMs: 0, nextChangeAt: T0 - 10 * M + 5 * M });
  });

  it.each(['email-sent', 'none', 'error', 'identity', 'start'] as const)('keeps waiting on %s', (step) => {
    expect(emailWait(at(6, { step })).waiting).toBe(true);
  });
});

describe('email wait: the link was used', () => {
  it.each(['terms', 'new-key', 'code', 'done'] as const)('%s in time ends the wait quietly', (step) => {
    const wait = emailWait(at(2, { step }));
    expect(wait).toMatchObject({ waiting: false, level: 'none', messages: [], nextChangeAt: null });
  });

  it.each(['terms', 'new-key', 'code'] as const)('%s after the deadline: the link has probably expired', (step) => {
    const wait = emailWait(at(4, { step }));
    expect(wait).toMatchObject({ waiting: false, level: 'probably-expired' });
    expect(wait.messages).toEqual(['emailWaitExpiredTitle', 'emailWaitExpiredAction']);
  });

  it('decides by when the step was first seen, not by when the view asks', () => {
    expect(emailWait(at(40, { step: 'terms', stepSeenAt: T0 + 2 * M })).level).toBe('none');
    expect(emailWait(at(40, { step: 'terms', stepSeenAt: T0 + 3 * M })).level).toBe('probably-expired');
  });

  it('finishing is never called expired', () => {
    expect(emailWait(at(40, { step: 'done' })).level).toBe('none');
  });

  it('without a countdown it cannot say expired', () => {
    expect(emailWait(at(40, { step: 'terms', deadline: null })).level).toBe('none');
  });

  it('a wait started on the code page is not ended by the code page', () => {
    expect(emailWait(at(6, { step: 'code', startedOn: 'code' })).waiting).toBe(true);
    expect(emailWait(at(6, { step: 'terms', startedOn: 'code' })).waiting).toBe(false);
  });

  it('the expired advice asks for a new link with the inbox open', () => {
    expect(catalogues.es.emailWaitExpiredAction!.message).toMatch(/todavía abre, siga.*pida otro.*correo ya abierto/);
  });
});

describe('email wait: properties', () => {
  it('the level never goes back while waiting longer', () => {
    const order = ['none', 'check-spam', 'check-inbox-is-registered', 'email-outdated'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 * M }), { minLength: 2, maxLength: 20 }), (times) => {
        const levels = [...times].sort((a, b) => a - b).map((ms) => order.indexOf(waitLevel(ms)));
        return levels.every((level, i) => i === 0 || level >= levels[i - 1]!);
      }),
    );
  });

  it('any step, any times: a known level, never negative, next change in the future', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STEP_IDS), fc.integer({ min: -1e9, max: 1e9 }), (step, offset) => {
        const wait = emailWait({ sentAt: T0, now: T0 + offset, step, deadline });
        expect(wait.waitedMs).toBeGreaterThanOrEqual(0);
        if (wait.nextChangeAt !== null) expect(wait.nextChangeAt).toBeGreaterThan(T0 + offset);
      }),
    );
  });

  it('every message key exists in both locales', () => {
    expect(EMAIL_WAIT_MESSAGE_KEYS.length).toBeGreaterThan(0);
    expect(missingKeys(EMAIL_WAIT_MESSAGE_KEYS)).toEqual([]);
  });
});
