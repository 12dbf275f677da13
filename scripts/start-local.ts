// `npm start` / `npm run start:headless`: the whole bot on this machine, on its embedded defaults.
import { ConfigError } from '../bot/errors';
import { startLocalStack } from './local-stack';

const headless = process.argv.includes('--headless');

// The demo compresses the 8-24 h licence wait to minutes so the whole repair can be walked in one sitting.
// Any of these can be overridden from the environment.
const demoDefaults: Record<string, string> = {
  LOG_FORMAT: 'pretty',
  LOG_LEVEL: 'info',
  PORT: '3978',
  HOST: '127.0.0.1',
  DATA_DIR: 'data',
  HELPDESK_GROUP_ID: 'f0000000-0000-4000-8000-000000000001',
  LICENCE_WAIT_MIN: 'PT2M',
  LICENCE_WAIT_MAX: 'PT6M',
  EMULATOR_PURGE_AFTER: 'PT2M',
  EMULATOR_OPERATION_DURATION: 'PT10S',
  VERIFY_POLL_INTERVAL: 'PT10S',
  VERIFY_TIMEOUT: 'PT5M',
  OPERATION_POLL_INTERVAL: 'PT3S',
  // The chat client's Helpdesk channel receives end users' reports (or run "set helpdesk channel" there).
  HELPDESK_CONVERSATION_ID: '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2',
};

async function main(): Promise<void> {
  // PLAYGROUND_USER=user-leo: chat as Léo Dupont, an end user, to report a room in the personal chat.
  const playgroundUser = process.env.PLAYGROUND_USER;
  const stack = await startLocalStack({
    playground: !headless,
    env: { ...demoDefaults, ...process.env },
    ...(playgroundUser ? { playgroundUser } : {}),
  });
  const lines = [
    '',
    `  Graph emulator (demo tenant contoso.com): ${stack.emulator.url}`,
    `  Bot endpoint:                             ${stack.bot.url}/api/messages`,
    stack.playgroundUrl
      ? `  Open the chat client:                     ${stack.playgroundUrl}\n  Try, in the "Helpdesk" channel: room 4B stuck on licence  /  salle 4B bloquée licence`
      : '  Headless: no chat client. Post activities to the bot endpoint.',
    `  Licence wait compressed to ${process.env.LICENCE_WAIT_MIN ?? demoDefaults.LICENCE_WAIT_MIN}-${process.env.LICENCE_WAIT_MAX ?? demoDefaults.LICENCE_WAIT_MAX}; cases are kept in ${process.env.DATA_DIR ?? demoDefaults.DATA_DIR}/.`,
    `  Phones: "Alice's CCX 500 says no internet". The site fixes Alice's network with:`,
    `    curl -X POST ${stack.emulator.url}/_emulator/devices/d0000000-0000-4000-8000-000000001001 -d '{"online":true}'`,
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`Cannot start:\n- ${err.problems.join('\n- ')}\n`);
  else process.stderr.write(`Cannot start: ${(err as Error).message}\n`);
  process.exit(1);
});
