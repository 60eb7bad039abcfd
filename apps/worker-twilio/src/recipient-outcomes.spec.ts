import { DeliveryError } from '@herald/worker-kit';
import { isSettled, RecipientOutcomes } from './recipient-outcomes.js';

describe('RecipientOutcomes', () => {
  it('keeps each delivery’s outcomes until forgotten', () => {
    const outcomes = new RecipientOutcomes();
    outcomes.of('d-1').set('+14155550100', { sid: 'SM1' });

    expect(outcomes.of('d-1').get('+14155550100')).toEqual({ sid: 'SM1' });
    outcomes.forget('d-1');
    expect(outcomes.of('d-1').size).toBe(0);
  });

  it('drops the oldest delivery past its bound', () => {
    const outcomes = new RecipientOutcomes(2);
    outcomes.of('d-1').set('+1', { sid: 'SM1' });
    outcomes.of('d-2').set('+1', { sid: 'SM2' });
    outcomes.of('d-3').set('+1', { sid: 'SM3' });

    expect(outcomes.of('d-2').get('+1')).toEqual({ sid: 'SM2' });
    expect(outcomes.of('d-1').size).toBe(0);
  });
});

describe('isSettled', () => {
  it.each([
    ['sent', { sid: 'SM1' }, true],
    ['failed for good', { error: DeliveryError.permanent('21211') }, true],
    ['failed for now', { error: DeliveryError.retryable('500') }, false],
    ['rate limited', { error: DeliveryError.rateLimited('20429') }, false],
    ['never tried', undefined, false],
  ])('is %s → %p', (_case, outcome, settled) => {
    expect(isSettled(outcome)).toBe(settled);
  });
});
