import { renderFleetDigestCard, type AdaptiveCard } from '../cards';
import { scanFindings, type FleetDigest } from '../diagnostics/fleet-rules';
import { presentFleetDigest } from '../diagnostics/present-fleet';
import type { Locale } from '../i18n';
import { defaultKnowledge } from '../knowledge';
import type { Intent } from '../recognition/types';
import { t } from './texts';
import type { BotServices, MessageCommand } from './types';

/** Settings of a fleet scan that come from the configuration. */
export interface FleetRunOptions {
  /** ROOM_ACCOUNT_PATTERN: room accounts whose UPN does not match are reported. */
  roomAccountPattern?: RegExp | undefined;
}

/**
 * Scans the fleet and reads it: Graph facts from the gateway, open cases from the store (a room or phone with an
 * open case is not reported again), then the pure rules.
 */
export async function scanFleetDigest(
  services: BotServices,
  options: FleetRunOptions = {},
): Promise<FleetDigest> {
  const [facts, open] = await Promise.all([
    services.gateway.scanFleet(),
    services.store.listCases({ open: true }),
  ]);
  return scanFindings(facts, defaultKnowledge, {
    roomAccountPattern: options.roomAccountPattern ?? services.roomAccountPattern,
    openSubjects: new Set(open.map((c) => c.roomId)),
  });
}

/**
 * The fleet digest card, for the "fleet" command and the scheduled scan (FLEET_SCAN_INTERVAL) that posts it in the
 * helpdesk channel.
 */
export async function runFleetScan(
  services: BotServices,
  locale: Locale,
  options: FleetRunOptions = {},
): Promise<AdaptiveCard> {
  const digest = await scanFleetDigest(services, options);
  return renderFleetDigestCard(presentFleetDigest(digest, locale), locale);
}

const FLEET_INTENTS: readonly Intent[] = ['fleet'];

/** "fleet", "scan the fleet": every broken room and phone, with a button each to diagnose it and open a case. */
export const fleetCommand: MessageCommand = {
  name: 'fleet',
  intents: FLEET_INTENTS,
  async handle({ turn }, services) {
    // A scan of a large tenant takes a while: say so at once rather than leave the chat silent.
    await turn.sendText(t(turn.locale, 'fleet.scanning'));
    await turn.send(await runFleetScan(services, turn.locale));
  },
};
