import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

const USAGE = `linli — 邻里 group-chat bot

  linli start [--role all|bot|worker]   run the bot and/or workers (npm start)
  linli console [--demo]                a group chat in the terminal (NAME: TEXT per line)
  linli parse "<text>" | -              show how a message is understood (JSON)
  linli migrate                         bring the database schema up to date
  linli estates [add <code> <name> | fee <code> <plan> <yuan> --from YYYY-MM]   estates and fee plans
  linli import <file.csv> [--estate C]  import a roster of households
  linli groups                          list chats; linli groups link <chat> <estate> [--zone Z|--building B]
  linli invite <estate> --role R [--zone Z|--building B] | --group   a one-time code: 邀请码 <code> in the chat
  linli report <estate> [--month YYYY-MM] [--csv]   monthly figures per grid worker and property company
`;

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd = 'help', ...args] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  if (cmd === 'parse') {
    const { runParseCommand } = await import('./cli/parse-command.js');
    return runParseCommand(args, io);
  }
  if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  switch (cmd) {
    case 'start': {
      const { runStartCommand } = await import('./cli/start-command.js');
      const { loadAdapters } = await import('./adapters/load-adapters.js');
      return runStartCommand(args, config, log, io, loadAdapters);
    }
    case 'console': {
      const { runConsoleCommand } = await import('./cli/console-command.js');
      return runConsoleCommand(args, config, log, io);
    }
    case 'migrate': {
      const { runMigrateCommand } = await import('./cli/migrate-command.js');
      return runMigrateCommand(config, log, io);
    }
    case 'import': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runImportCommand } = await import('./cli/import-command.js');
      return withDatabase(config, log, (db) => runImportCommand(args, db, (l) => io.stdout.write(l + '\n')));
    }
    case 'groups': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runGroupsCommand } = await import('./cli/groups-command.js');
      return withDatabase(config, log, (db) => runGroupsCommand(args, db, (l) => io.stdout.write(l + '\n')));
    }
    case 'estates': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runEstatesCommand } = await import('./cli/estates-command.js');
      return withDatabase(config, log, (db) => runEstatesCommand(args, db, (l) => io.stdout.write(l + '\n'), config.timeZone));
    }
    case 'invite': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runInviteCommand } = await import('./cli/invite-command.js');
      return withDatabase(config, log, (db) => runInviteCommand(args, db, (l) => io.stdout.write(l + '\n')));
    }
    case 'report': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runReportCommand } = await import('./cli/report-command.js');
      const { systemClock } = await import('./clock.js');
      return withDatabase(config, log, (db) => runReportCommand(args, db, (l) => io.stdout.write(l + '\n'), systemClock));
    }
    default:
      io.stderr.write(`unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`linli: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
