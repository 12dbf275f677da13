import { renderMessageCard } from '../cards';
import { t } from './texts';
import type { MessageCommand } from './types';

const STEPS = ['network', 'firewall', 'clock', 'account', 'firmware', 'reset', 'escalate'] as const;

/** "Alice's CCX 500 says no internet": find the person and walk the phone playbook. */
export const phoneNoInternetCommand: MessageCommand = {
  name: 'phone-no-internet',
  intents: ['phone-no-internet'],
  async handle({ turn, recognition }) {
    const person = recognition.person;
    if (!person) return turn.sendText(t(turn.locale, 'phone.which'));
    if (person.kind === 'not-found')
      return turn.sendText(t(turn.locale, 'person.notFound', { query: person.query }));
    if (person.kind === 'ambiguous') {
      const names = person.candidates.map((p) => p.displayName).join(', ');
      return turn.sendText(t(turn.locale, 'person.ambiguous', { query: person.query, names }));
    }
    await turn.send(
      renderMessageCard(turn.locale, {
        title: t(turn.locale, 'phone.title', { person: person.value.displayName }),
        lines: [
          t(turn.locale, 'phone.intro'),
          ...STEPS.map((s, i) => `${i + 1}. ${t(turn.locale, `phone.step.${s}`)}`),
        ],
        tone: 'warning',
      }),
    );
  },
};
