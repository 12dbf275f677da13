import { PHONE_VERBS, REMIND_MINUTES } from '../cases/present-phone-case';
import { BotError } from '../errors';
import { decisionVerb } from './case-verb-support';

const MAX_MINUTES = 7 * 24 * 60;

/** "Remind me in 1 h to check": a durable timer that posts a reminder in the case thread. */
export const phoneRemindVerb = decisionVerb(PHONE_VERBS.remind, (data, actor) => {
  const minutes = data.minutes === undefined ? REMIND_MINUTES : Number(data.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    throw new BotError(
      'input.invalid',
      `A reminder must be between 1 minute and 7 days away, not "${String(data.minutes)}".`,
    );
  return { type: 'remind', actor, inMs: minutes * 60_000 };
});
