import { strict as assert } from 'node:assert';
import { helpExamples } from '../../../bot/commands/help';
import { commandFor } from '../../../bot/commands/registry';
import { buildRecogniser } from '../../../bot/recognition';
import { DEMO_DIRECTORY } from '../recognition/demo-directory';

// Every example the help card suggests must do what its description says: a suggestion that falls back to help
// would send people round in circles.
const EXPECTED: Record<string, string> = {
  room: 'diagnose-room',
  roomFr: 'diagnose-room',
  phone: 'phone-no-internet',
  status: 'case-status',
  fleet: 'fleet',
  channel: 'helpdesk-channel-set',
  faq: 'faq',
  report: 'diagnose-room',
  reportPhone: 'phone-no-internet',
  help: 'help',
};

describe('help card examples', () => {
  const recogniser = buildRecogniser(DEMO_DIRECTORY);
  for (const locale of ['en', 'fr'] as const) {
    for (const audience of ['helpdesk', 'end-user'] as const) {
      it(`are each understood as the command they describe (${locale}, ${audience})`, () => {
        const examples = helpExamples(locale, audience);
        const keys =
          audience === 'helpdesk'
            ? ['room', 'roomFr', 'phone', 'status', 'fleet', 'channel', 'faq', 'help']
            : ['report', 'reportPhone', 'faq', 'help'];
        assert.equal(examples.length, keys.length);
        examples.forEach((example, i) => {
          const command = commandFor(recogniser.recognise(example.text, { locale }).intent).name;
          assert.equal(command, EXPECTED[keys[i] ?? ''], `"${example.text}"`);
        });
      });
    }
  }
});
