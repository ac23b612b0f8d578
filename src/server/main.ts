import { ConfigError } from './config.js';
import { createLogger } from './log.js';
import { localCommand, startLocal } from './start-local.js';

/** `npm start`: the app on the local Microsoft 365 sandbox, with the bot, the reminder job and the Playground. */
const log = createLogger();
try {
  const run = await startLocal({ log, interactive: true });
  const lines = [
    '',
    'Actieplan Digitaal Leiderschap draait lokaal.',
    `  Open: ${run.appUrl}/`,
    `  Sandbox (Microsoft Graph): ${run.sandbox.graphUrl}`,
    run.bot
      ? `  Bot: ${run.appUrl}/api/messages (herinneringen: ${run.reminders ? 'timer loopt' : 'uit'})`
      : '  Bot: uit (geen CLIENT_ID)',
    run.playground
      ? `  Microsoft 365 Agents Playground: ${run.playground.url}/ (open het team "CMT Zoetermeer", kanaal Algemeen/General en dan "Digitalisering")`
      : '  Microsoft 365 Agents Playground: uit (PLAYGROUND=off)',
    `  Agendakaart nu versturen: ${localCommand(run.ports, 'reminders', '--mt cmt --send-now')}`,
    `  Kaart bekijken zonder versturen: ${localCommand(run.ports, 'reminders', '--mt cmt --preview')}`,
    `  Voortgangsrapportage: ${localCommand(run.ports, 'rapportage', '')}`,
    `  Lijsten bijwerken: ${localCommand(run.ports, 'provision', '')}`,
    '  Stoppen: Ctrl+C',
    '',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const stop = () => {
    run.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  log({
    level: 'error',
    msg: error instanceof ConfigError ? 'configuration invalid' : 'start failed',
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}
