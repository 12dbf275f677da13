import { AsyncLocalStorage } from 'node:async_hooks';

/** A fact about a turn: what it was about and how it ended (activity type, intent, verb, outcome, HTTP status). */
export type TurnFact = string | number | boolean;

/** The turn being handled, as every layer below the Teams edge may see it without taking it as a parameter. */
export interface TurnScope {
  readonly correlationId: string;
  readonly facts: Record<string, TurnFact>;
}

// Log lines and trace spans need the turn of code that does not know it is in one (the Graph transport, the case
// service): the scope follows the turn's async calls instead of being passed down.
const storage = new AsyncLocalStorage<TurnScope>();

/** Runs `fn` as one turn: every log line written and Graph call made while it runs is tied to `correlationId`. */
export function runInTurnScope<T>(correlationId: string, fn: (scope: TurnScope) => T): T {
  const scope: TurnScope = { correlationId, facts: {} };
  return storage.run(scope, () => fn(scope));
}

/** The turn this code runs for; undefined outside a turn (start-up, timers, background refreshes). */
export function currentTurnScope(): TurnScope | undefined {
  return storage.getStore();
}

/** Records facts about the current turn; does nothing outside a turn. Undefined values are skipped. */
export function noteTurn(facts: Readonly<Record<string, TurnFact | undefined>>): void {
  const scope = storage.getStore();
  if (!scope) return;
  for (const [key, value] of Object.entries(facts)) if (value !== undefined) scope.facts[key] = value;
}

/**
 * Runs `fn` outside any turn. Work a turn only triggers (waking the scheduler, whose timers then run jobs for
 * minutes) must not carry that turn's correlation id into its own log lines and spans.
 */
export function outsideTurnScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
