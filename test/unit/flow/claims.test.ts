/** The same check as `npm run facts` (issue 18): every claim sourced, unconfirmed ones hedged, no unclaimed fact. */
import { describe, expect, it } from 'vitest';
import { CLAIMS, confidence, type Claim } from '../../../src/flow/claims';
import { checkFacts, shownKeys } from '../../qa/facts-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PHASE_MESSAGES } from '../../../src/flow/countdown';
import { EMAIL_WAIT_MESSAGE_KEYS } from '../../../src/flow/email-wait';

describe('claims', () => {
  it('every claim has a source, every unconfirmed one is hedged in both languages, every stated fact is claimed', () => {
    const { claims, problems } = checkFacts();
    expect(problems).toEqual([]);
    expect(claims.length).toBe(CLAIMS.length);
    expect(new Set(claims.map((c) => c.confidence))).toEqual(new Set(['confirmed', 'reported', 'inferred']));
  });

  it('fails on a claim without a source, on a guess worded as a certainty, and on an unclaimed duration', () => {
    const unsourced = { ...CLAIMS[0]!, id: 'x.unsourced', source: undefined } as unknown as Claim;
    const certain: Claim = { id: 'x.certain', where: 'identity', says: 'guess', source: { kind: 'inferred', why: 'test' }, keys: ['stepIdentityCheckCaptcha'] };
    const problems = checkFacts([...CLAIMS.filter((c) => c.id !== 'link.unlock.3min'), unsourced, certain]).problems.join('\n');
    expect(problems).toMatch(/x\.unsourced: no source/);
    expect(problems).toMatch(/x\.certain \(inferred\): stepIdentityCheckCaptcha \[es\] states it as certain/);
    // Without the claim of the unlock link's 3 minutes, the sentences that state it are caught.
    expect(problems).toMatch(/stepIdentityUnlockMistakeLate states a fact with no claim/);
  });

  it('the three misreadings and the link times are claims of their own, with the source the issue names', () => {
    const byId = new Map(CLAIMS.map((c) => [c.id, c]));
    expect(confidence(byId.get('link.unlock.3min')!.source)).toBe('confirmed');
    expect(confidence(byId.get('link.recover.15min')!.source)).toBe('reported');
    expect(confidence(byId.get('link.employer.none')!.source)).toBe('inferred');
    expect(byId.get('msg.not-registered')!.source.kind).toBe('page');
    expect(byId.get('msg.code-paused')!.source.kind).toBe('page');
    // The claims cover the countdown's surfaces too, not only the step guides.
    expect(shownKeys().get('countdownBadgeExpired')).toBe('countdown');
  });

  it('no surface of the countdown or the mail wait declares the link expired, and the mail delay advice says what to do at zero', () => {
    for (const lang of ['es', 'en'] as const) {
      const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../src/public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
      const keys = [...Object.values(PHASE_MESSAGES), ...EMAIL_WAIT_MESSAGE_KEYS, 'countdownBadgeExpired', 'countdownAnnounceExpired', 'cdPopupExplain'];
      for (const key of keys) expect(catalogue[key]!.message, `${lang} ${key}`).not.toMatch(/probablemente ya venció|enlace vencido|link expired \(|has probably expired|ya venció\b/i);
      for (const key of ['countdownBadgeExpired', 'countdownAnnounceExpired', 'countdownPhaseExpired'])
        expect(catalogue[key]!.message, `${lang} ${key}`).toMatch(lang === 'es' ? /si el enlace todavía abre, siga; si dice que venció, pida otro/i : /if the link still opens, go on; if it says it expired, ask for another/i);
      // The mail may come late: the advice about it says what to do when the clock is already at zero.
      expect(catalogue.stepEmailSentFixSpam!.message).toMatch(lang === 'es' ? /contador.*cero.*pruebe el enlace/ : /countdown.*zero.*try the link/);
    }
  });
});
