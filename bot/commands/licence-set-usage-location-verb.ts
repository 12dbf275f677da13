import { BotError } from '../errors';
import { SET_USAGE_LOCATION_VERB, licenceStartRepairVerb } from './licence-start-repair-verb';
import { roomFromAction } from './room-diagnose-verb';
import type { CardVerb } from './types';

const COUNTRY = /^[A-Z]{2}$/;

/** Sets the room account's usage location (one audited PATCH), then goes on with the repair's pre-flight. */
export const licenceSetUsageLocationVerb: CardVerb = {
  verb: SET_USAGE_LOCATION_VERB,
  async handle(input, services) {
    const { turn, data } = input;
    const room = roomFromAction(data, services);
    const country = typeof data.country === 'string' ? data.country.toUpperCase() : '';
    if (!COUNTRY.test(country))
      throw new BotError('input.invalid', `"${country}" is not a two-letter country code.`);
    const actor = turn.actor.name ?? turn.actor.id;
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(undefined, {
        actor,
        actorId: turn.actor.aadObjectId,
        action: 'set usage location',
        result: 'refused',
        detail: room.emailAddress,
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    try {
      const res = await services.gateway.setUsageLocation(room.emailAddress, country);
      await services.cases.audit(undefined, {
        actor,
        actorId: turn.actor.aadObjectId,
        action: 'set usage location',
        result: 'ok',
        detail: `${room.emailAddress} = ${country}`,
        ...(res.requestId ? { requestId: res.requestId } : {}),
      });
    } catch (err) {
      await services.cases.audit(undefined, {
        actor,
        actorId: turn.actor.aadObjectId,
        action: 'set usage location',
        result: 'failed',
        detail: (err as Error).message,
      });
      throw err;
    }
    return licenceStartRepairVerb.handle(input, services);
  },
};
