import type { AdaptiveCard } from '../cards';
import type { Locale } from '../i18n';
import type { Logger } from '../log';
import { DeliveryError, HELPDESK_CHANNEL, type Messenger } from '../notify/messenger';
import type { Store } from '../store/store';

export interface FleetWatchOptions {
  /** FLEET_SCAN_INTERVAL; 0 turns the watch off. */
  intervalMs: number;
  now: () => Date;
  logger: Logger;
  /** HELPDESK_CONVERSATION_ID, used when no channel was set with "set helpdesk channel". */
  fallbackConversationId?: string;
}

/**
 * The scheduled fleet scan: every `intervalMs`, one instance (whichever marks the interval first in the store)
 * scans the fleet and posts the digest as a new thread in the helpdesk channel. A missed interval (all instances
 * down) is not caught up: the next one reports the fleet as it is then.
 */
export class FleetWatch {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly messenger: Messenger,
    private readonly scan: (locale: Locale) => Promise<AdaptiveCard>,
    private readonly options: FleetWatchOptions,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.arm();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One interval's scan, if no instance did it yet; exposed for tests. Returns whether this instance posted. */
  async runOnce(): Promise<boolean> {
    const { intervalMs, now, logger } = this.options;
    const bucket = Math.floor(now().getTime() / intervalMs);
    if (!(await this.store.markOnce(`fleet-scan:${intervalMs}:${bucket}`, intervalMs * 2, now())))
      return false;
    const ref = await this.store.getReference(HELPDESK_CHANNEL);
    const target = ref ? HELPDESK_CHANNEL : this.options.fallbackConversationId;
    if (!target) {
      logger.info('fleet scan skipped: no helpdesk channel is set');
      return false;
    }
    const card = await this.scan(ref?.locale ?? 'en');
    try {
      await this.messenger.startThread(target, { card });
      logger.info('fleet digest posted in the helpdesk channel');
      return true;
    } catch (err) {
      if (err instanceof DeliveryError) {
        logger.warn({ reason: err.kind }, 'could not post the fleet digest');
        return false;
      }
      throw err;
    }
  }

  private arm(): void {
    const { intervalMs, now } = this.options;
    // Aligned on interval boundaries so that every instance aims at the same bucket.
    const wait = intervalMs - (now().getTime() % intervalMs);
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err: unknown) => this.options.logger.error({ err }, 'fleet scan failed'))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.arm();
        });
    }, wait);
    this.timer.unref();
  }
}
