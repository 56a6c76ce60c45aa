/**
 * The test command: `node server/testing/test-run.ts <suite…> [files…]` (npm test, npm run test:unit,
 * npm run test:e2e). Chooses the PostgreSQL server once for the whole run (test-server.ts), starting
 * an embedded one when needed, runs the suites one after the other with node --test, each test
 * process finding the server in TEST_DATABASE_URL, then stops the embedded server and removes its
 * data, after a failure or an interrupt too. Exits with the code of the first suite that fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { chooseTestServer, displayUrl, startTestServer, type TestServer } from './test-server.ts';

const SUITES = {
  unit: { concurrency: 2, files: ['server/**/*.test.ts', 'common/**/*.test.ts'] },
  e2e: { concurrency: 1, files: ['e2e/**/*.test.ts'] },
} as const;
type Suite = keyof typeof SUITES;

const USAGE = 'usage: test-run.ts <unit|e2e>… [test files, with one suite only]';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let interrupted: NodeJS.Signals | null = null;
let running: ChildProcess | null = null;

/** An interrupt is handed to the running tests, which end; the run then stops its server. */
function takeSignals(): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      interrupted ??= signal;
      running?.kill(signal);
    });
  }
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? os.constants.signals[signal] : 0);
}

function runSuite(suite: Suite, files: string[], databaseUrl: string): Promise<number> {
  const { concurrency, files: everything } = SUITES[suite];
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', `--test-concurrency=${concurrency}`, ...(files.length > 0 ? files : everything)],
      { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: databaseUrl } },
    );
    running = child;
    child.once('error', (error) => {
      console.error(`node --test did not start: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      running = null;
      resolve(exitCode(code, signal));
    });
  });
}

function parseArguments(argv: string[]): { suites: Suite[]; files: string[] } | null {
  const suites: Suite[] = [];
  let index = 0;
  while (index < argv.length && Object.hasOwn(SUITES, argv[index]!)) suites.push(argv[index++] as Suite);
  if (argv[index] === '--') index++;
  const files = argv.slice(index);
  if (suites.length === 0 || (files.length > 0 && suites.length > 1)) return null;
  return { suites, files };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  takeSignals();
  const choice = await chooseTestServer(process.env.TEST_DATABASE_URL);
  if (choice.kind === 'unreachable') {
    console.error(`TEST_DATABASE_URL: no PostgreSQL usable at ${displayUrl(choice.url)}: ${choice.reason}`);
    return 1;
  }
  let server: TestServer | null = null;
  let databaseUrl: string;
  if (choice.kind === 'embedded') {
    try {
      server = await startTestServer();
    } catch (error) {
      console.error(`the embedded PostgreSQL for the tests did not start: ${(error as Error).message}`);
      return 1;
    }
    databaseUrl = server.url;
    const { host } = new URL(server.url);
    console.log(
      `tests use the embedded PostgreSQL at ${host} (${choice.reason}; started in ` +
        `${(server.startMs / 1000).toFixed(1)} s, data in ${server.dataDir}, removed afterwards)`,
    );
  } else {
    databaseUrl = choice.url;
    console.log(`tests use the PostgreSQL server at ${displayUrl(databaseUrl)}`);
  }
  try {
    for (const suite of parsed.suites) {
      if (interrupted) break;
      const code = await runSuite(suite, parsed.files, databaseUrl);
      if (interrupted) break;
      if (code !== 0) return code;
    }
    return interrupted ? exitCode(null, interrupted) : 0;
  } finally {
    await server?.stop();
  }
}

process.exit(await main(process.argv.slice(2)));
