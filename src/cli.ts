import { ConfigError, loadConfig } from './config.js';
import { DotEnvError, loadDotEnv } from './cli/load-dot-env.js';
import type { RefusedFlags } from './cli/parse-flags.js';
import { createLogger } from './log.js';

const USAGE = `linli — 邻里 group-chat bot

  linli start [--role all|bot|worker|web]   run the bot, workers and/or web server (npm start)
  linli console [--demo]                a group chat in the terminal (NAME: TEXT per line)
  linli parse "<text>" | -              show how a message is understood (JSON)
  linli migrate                         bring the database schema up to date
  linli estates [add <code> <name> | fee <code> <plan> <yuan> --from YYYY-MM]   estates and fee plans
  linli import <file.xlsx|csv> [--estate C]   import a roster of households
  linli import-payments <file.xlsx|csv> --estate C   import a payment history (an Excel 台账)
  linli export ledger --estate C [--zone Z] [--from YYYY-MM --to YYYY-MM] <file.xlsx|csv>   the 台账 as a file
  linli groups                          list chats; linli groups link <chat> <estate> [--zone Z|--building B]
  linli invite <estate> --role R [--zone Z|--building B] | --group   a one-time code: 邀请码 <code> in the chat
  linli scoring rules|sheet|import-sheet|export|year-end|reverse …   红"栋"力: rules, sheets, archive, subsidies
  linli report <estate> [--month YYYY-MM] [--csv | --xlsx FILE]   monthly figures per grid worker and property company
  linli patrol <estate> [--target 1h] [--remind 16:30|off] [--days-off sat,sun] [--auto-close 4h]   patrol settings
  linli survey <estate> <file>          a survey from a text file (as 新建问卷 reads it)
  linli property list|add|end|rate <estate> …   property-service companies: categories, SLA, trial, monthly rating
  linli backup <file>                   a copy of every table (gzip'd JSON lines, checksummed)
  linli restore <file>                  load a backup into an empty database

  Settings come from the environment, and from ./.env when present (the environment wins).
  <command> --help shows a command's flags.
`;

/**
 * The command line of the commands that open a database, checked before it is opened: a bad
 * flag costs no embedded Postgres start, and is refused the same way from every command.
 */
async function checkArgs(cmd: string, args: string[]): Promise<RefusedFlags | null> {
  const check = async (): Promise<{ ok: true } | RefusedFlags> => {
    switch (cmd) {
      case 'groups':
        return (await import('./cli/groups-command.js')).parseGroupsArgs(args);
      case 'estates':
        return (await import('./cli/estates-args.js')).parseEstatesArgs(args);
      case 'invite':
        return (await import('./cli/invite-command.js')).parseInviteArgs(args);
      case 'import':
        return (await import('./cli/import-command.js')).parseImportArgs(args);
      case 'import-payments':
        return (await import('./cli/import-payments-command.js')).parseImportPaymentsArgs(args);
      case 'export':
        return (await import('./cli/export-command.js')).parseExportArgs(args);
      case 'migrate': {
        const { parseFlags } = await import('./cli/parse-flags.js');
        return parseFlags(args, {}, { min: 0, max: 0 }, 'usage: linli migrate');
      }
      case 'backup':
      case 'restore':
        return (await import('./cli/backup-command.js')).parseBackupArgs(cmd, args);
      case 'scoring':
        return (await import('./cli/scoring-args.js')).parseScoringArgs(args);
      case 'report':
        return (await import('./cli/report-command.js')).parseReportArgs(args);
      case 'property':
        return (await import('./cli/property-args.js')).parsePropertyArgs(args);
      case 'patrol':
        return (await import('./cli/patrol-command.js')).parsePatrolArgs(args);
      case 'survey':
        return (await import('./cli/survey-command.js')).parseSurveyArgs(args);
      default:
        return { ok: true };
    }
  };
  const r = await check();
  return r.ok ? null : r;
}

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[], cwd: string = process.cwd()): Promise<number> {
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
  const refused = await checkArgs(cmd, args);
  if (refused) {
    (refused.code === 0 ? io.stdout : io.stderr).write(`${refused.text}\n`);
    return refused.code;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv(cwd);
    config = loadConfig(process.env, cwd);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DotEnvError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = createLogger(config.logLevel, { format: config.logFormat });
  const out = (l: string) => io.stdout.write(`${l}\n`);
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
      const { fileOptions } = await import('./cli/table-file.js');
      return withDatabase(config, log, (db) => runImportCommand(args, db, out, fileOptions(config)));
    }
    case 'import-payments': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runImportPaymentsCommand } = await import('./cli/import-payments-command.js');
      const { fileOptions } = await import('./cli/table-file.js');
      return withDatabase(config, log, (db) => runImportPaymentsCommand(args, db, out, fileOptions(config)));
    }
    case 'export': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runExportCommand } = await import('./cli/export-command.js');
      const { fileOptions } = await import('./cli/table-file.js');
      const { systemClock } = await import('./clock.js');
      return withDatabase(config, log, (db) => runExportCommand(args, db, out, systemClock, fileOptions(config)));
    }
    case 'groups': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runGroupsCommand } = await import('./cli/groups-command.js');
      return withDatabase(config, log, (db) => runGroupsCommand(args, db, out));
    }
    case 'estates': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runEstatesCommand } = await import('./cli/estates-command.js');
      return withDatabase(config, log, (db) => runEstatesCommand(args, db, out, config.timeZone));
    }
    case 'invite': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runInviteCommand } = await import('./cli/invite-command.js');
      return withDatabase(config, log, (db) => runInviteCommand(args, db, out));
    }
    case 'backup':
    case 'restore': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runBackupCommand } = await import('./cli/backup-command.js');
      return withDatabase(config, log, (db) => runBackupCommand(cmd, args, db, io));
    }
    case 'scoring': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runScoringCommand } = await import('./cli/scoring-command.js');
      return withDatabase(config, log, (db) => runScoringCommand(args, db, out));
    }
    case 'report': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runReportCommand } = await import('./cli/report-command.js');
      const { systemClock } = await import('./clock.js');
      return withDatabase(config, log, (db) => runReportCommand(args, db, out, systemClock));
    }
    case 'survey': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runSurveyCommand } = await import('./cli/survey-command.js');
      return withDatabase(config, log, (db) => runSurveyCommand(args, db, out));
    }
    case 'patrol': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runPatrolCommand } = await import('./cli/patrol-command.js');
      return withDatabase(config, log, (db) => runPatrolCommand(args, db, out));
    }
    case 'property': {
      const { withDatabase } = await import('./cli/with-database.js');
      const { runPropertyCommand } = await import('./cli/property-command.js');
      const { systemClock } = await import('./clock.js');
      return withDatabase(config, log, (db) => runPropertyCommand(args, db, out, systemClock));
    }
    default:
      io.stderr.write(`unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}

/** `main`, with any error that escaped it shown as one line (exit 1), never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    // One line, never a stack trace: a StartupError names the setting to change (LOG_LEVEL=debug adds the stack).
    const setting = e !== null && typeof e === 'object' && 'setting' in e;
    process.stderr.write(`${setting ? '' : 'linli: '}${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) runCli(process.argv.slice(2)).then((code) => process.exit(code));
