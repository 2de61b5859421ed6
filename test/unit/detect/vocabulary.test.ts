import { describe, expect, it } from 'vitest';
import { ALERT_IDS, FLOW_IDS, STEP_IDS, isAlertId, isFlowId, isStepId } from '../../../src/detect/vocabulary';

describe('vocabulary', () => {
  it('has unique ids', () => {
    for (const list of [STEP_IDS, FLOW_IDS, ALERT_IDS]) expect(new Set(list).size).toBe(list.length);
  });
  it('guards accept only known ids', () => {
    expect(isStepId('new-key')).toBe(true);
    expect(isStepId('newkey')).toBe(false);
    expect(isFlowId('employer')).toBe(true);
    expect(isFlowId(3)).toBe(false);
    expect(isAlertId('link-expired')).toBe(true);
    expect(isAlertId('expired')).toBe(false);
  });
});
