// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALERT_IDS, FLOW_IDS, STEP_IDS, isAlertId, isFlowId, isStepId } from '../../../src/detect/vocabulary';
import { BANNER_TEXT, TITLE_PREFIX } from '../../portal/layout';
import { portalStates } from '../../portal/states';
import { externalUrls } from './urls';

const states = portalStates();

describe('state catalogue', () => {
  it('has unique ids and valid labels', () => {
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length);
    for (const s of states) {
      expect(isStepId(s.expected.step), s.id).toBe(true);
      expect(isFlowId(s.expected.flow), s.id).toBe(true);
      expect(s.expected.alerts.every(isAlertId), s.id).toBe(true);
      expect(() => new URL(s.url), s.id).not.toThrow();
    }
  });

  it('covers every step, flow and alert of the vocabulary', () => {
    expect(new Set(states.map((s) => s.expected.step))).toEqual(new Set(STEP_IDS));
    expect(new Set(states.map((s) => s.expected.flow))).toEqual(new Set(FLOW_IDS));
    expect(new Set(states.flatMap((s) => s.expected.alerts))).toEqual(new Set(ALERT_IDS));
  });

  it('covers every state of every flow, and the failures of each', () => {
    const has = (flow: string, step: string, alert?: string) =>
      states.some((s) => s.expected.flow === flow && s.expected.step === step && (alert === undefined || s.expected.alerts.includes(alert as never)));
    for (const step of ['identity', 'verification', 'profile', 'security-image', 'email-sent', 'code', 'terms', 'new-key', 'done', 'error'])
      expect(has('recover', step), `recover ${step}`).toBe(true);
    for (const step of ['identity', 'email-sent', 'done', 'error']) expect(has('unlock', step), `unlock ${step}`).toBe(true);
    for (const step of ['start', 'identity', 'code', 'new-key', 'done', 'error']) expect(has('employer', step), `employer ${step}`).toBe(true);
    for (const alert of ['captcha-error', 'data-mismatch', 'not-registered', 'account-blocked'])
      expect(has('recover', 'identity', alert), `recover identity ${alert}`).toBe(true);
    expect(has('recover', 'verification', 'data-mismatch')).toBe(true);
    for (const flow of ['recover', 'unlock', 'employer']) {
      expect(has(flow, 'error', 'session-expired'), `${flow} session`).toBe(true);
      expect(has(flow, 'error', 'service-unavailable'), `${flow} unavailable`).toBe(true);
    }
    expect(has('recover', 'error', 'link-expired')).toBe(true);
    expect(has('unlock', 'error', 'link-expired')).toBe(true);
    expect(has('unknown', 'change-key')).toBe(true);
    expect(has('unknown', 'start')).toBe(true);
    expect(states.some((s) => s.id.endsWith('@ajax'))).toBe(true);
    expect(states.some((s) => s.html.includes('f5_cspm') && !s.html.includes('<form'))).toBe(true);
  });

  it('puts the SIMULACIÓN banner and title prefix on every page (the CAPTCHA frame carries a tag)', () => {
    for (const s of states) {
      if (s.id === 'sim/captcha-anchor') {
        expect(s.html).toContain('SIMULACIÓN');
        continue;
      }
      expect(s.html, s.id).toContain(BANNER_TEXT);
      expect(s.html, s.id).toContain(`<title>${TITLE_PREFIX}`);
    }
  });

  it('references no external URL', () => {
    for (const s of states) expect(externalUrls(s.html), s.id).toEqual([]);
  });

  it('marks step pages with the matching form and error pages with none', () => {
    for (const s of states) {
      const { step } = s.expected;
      if (step === 'error' || step === 'none' || step === 'done' || step === 'email-sent') continue;
      expect(s.html, s.id).toMatch(/<form /);
    }
    for (const s of states.filter((x) => x.expected.step === 'error')) expect(s.html, s.id).not.toMatch(/<input (?!type="hidden")/);
  });

  it('keeps hidden wizard tabs in the profile pages', () => {
    const tab = states.find((s) => s.id === 'recover/profile-image');
    expect(tab?.html).toMatch(/id="frmRecuperar:tab0"[^>]*style="display:none"/);
    expect(tab?.html).toContain('name="frmRecuperar:txtCorreo"');
  });
});
