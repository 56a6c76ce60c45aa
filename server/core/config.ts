import { isIP } from 'node:net';
import path from 'node:path';

/** Typed configuration, parsed once at start from the environment. */
export type Config = {
  port: number;
  host: string;
  /** Connection string of an external PostgreSQL server; null starts the embedded one. */
  databaseUrl: string | null;
  /**
   * READ_DATABASE_URL: a read replica for the statistics and figures pages; null reads them from the
   * primary. Ignored (with a warning at start) when the embedded database runs.
   */
  readDatabaseUrl: string | null;
  /**
   * READ_DATABASE_CONNECT_TIMEOUT_MS: how long the replica's pool waits for a connection before the
   * statistics answer 503 (shorter than the primary's 10 s: a replica host that does not answer).
   */
  readDatabaseConnectTimeoutMs: number;
  dataDir: string;
  /** WAL archive, base backups and the file store's backup (BACKUP_DIR, DATA_DIR/backup by default). */
  backupDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT: `pretty` one readable line per request, `json` Fastify's JSON lines, `auto` pretty at a terminal. */
  logFormat: 'auto' | 'pretty' | 'json';
  demoData: boolean;
  /** Secure cookies (HTTPS only). Off by default so that http://localhost works. */
  secureCookies: boolean;
  /** Build the web app at start when it is missing or older than its sources. */
  buildApp: boolean;
  bodyLimitBytes: number;
  /** Largest file accepted as an attachment (PDF, JPEG, PNG). */
  fileMaxBytes: number;
  signIn: { maxFailures: number; lockMinutes: number; ipMaxPerMinute: number };
  /** Yellow time-limit warning this many working days before a case's promised deadline. */
  warningWorkingDays: number;
  /** Seconds between sweeps of the time-limit warnings; 0 runs no sweep in this process. */
  sweepIntervalSeconds: number;
  /** CASE_DAILY_INTERVAL_SECONDS: seconds between refreshes of the daily case rollups; 0 none in this process. */
  caseDailyIntervalSeconds: number;
  /** Signed checkpoints of the audit chain's head, kept outside the database. */
  auditCheckpoints: AuditCheckpointConfig;
  /** Secret from which the key encrypting the seal keys (SM2 private keys) at rest is derived. */
  sealKeySecret: string;
  /**
   * Which peers' X-Forwarded-For is believed for the client address (sign-in throttling, audit):
   * false none (default), true any, or the addresses / CIDR ranges of the reverse proxies.
   */
  trustProxy: boolean | string[];
};

export type AuditCheckpointConfig = {
  /** AUDIT_SIGNING_KEY: SM2 private key in hex; null uses the key file (created on first use). */
  signingKey: string | null;
  /** DATA_DIR/audit/checkpoint-key.json. */
  keyFile: string;
  /** AUDIT_CHECKPOINT_LOG: the append-only log of signed checkpoints. */
  logPath: string;
  /** AUDIT_CHECKPOINT_INTERVAL_SECONDS: seconds between checkpoints (written when the head moved); 0 none. */
  intervalSeconds: number;
  /** AUDIT_CHECKPOINT_TRUSTED_KEYS: further public keys whose checkpoints verify (earlier keys, other hosts). */
  trustedKeys: string[];
};

/** Used when SEAL_KEY_SECRET is not set; the server warns at start. */
export const DEVELOPMENT_SEAL_KEY_SECRET = 'yiwang-development-seal-key-secret-change-me';

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One proxy address, CIDR range (10.0.0.0/8, fd00::/8) or proxy-addr name, or null when not valid. */
function proxyAddress(entry: string): string | null {
  if (PROXY_NAMES.includes(entry)) return entry;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return null;
  if (prefix === undefined) return entry;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
  return entry;
}

function trustProxy(env: Env): boolean | string[] {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (raw.toLowerCase() === 'true') return true;
  const entries = raw.split(',').map((e) => e.trim());
  return entries.map((entry) => {
    const valid = entry === '' ? null : proxyAddress(entry);
    if (valid === null) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, true or a comma-separated list of proxy addresses or CIDR ranges, got "${entry}"`,
      );
    }
    return valid;
  });
}

/** The audit checkpoints; one log per database: with an external database its name is in the default path. */
function auditCheckpoints(env: Env, cwd: string, databaseUrl: string | null): AuditCheckpointConfig {
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const signingKey = env.AUDIT_SIGNING_KEY?.trim().toLowerCase() || null;
  if (signingKey !== null && !/^[0-9a-f]{64}$/.test(signingKey))
    throw new ConfigError('AUDIT_SIGNING_KEY', 'must be an SM2 private key of 64 hexadecimal digits');
  const trustedKeys = (env.AUDIT_CHECKPOINT_TRUSTED_KEYS ?? '')
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter((k) => k !== '');
  for (const key of trustedKeys) {
    if (!/^04[0-9a-f]{128}$/.test(key))
      throw new ConfigError(
        'AUDIT_CHECKPOINT_TRUSTED_KEYS',
        `must be SM2 public keys (04 and 128 hexadecimal digits) separated by commas, got "${key}"`,
      );
  }
  let logName = 'checkpoints.jsonl';
  if (databaseUrl !== null) {
    const url = new URL(databaseUrl);
    const name = `${url.hostname}-${url.port || '5432'}-${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`;
    logName = `checkpoints-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`;
  }
  return {
    signingKey,
    keyFile: path.join(dataDir, 'audit', 'checkpoint-key.json'),
    logPath: path.resolve(cwd, env.AUDIT_CHECKPOINT_LOG || path.join(dataDir, 'audit', logName)),
    intervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 300, 0, 7 * 24 * 60 * 60),
    trustedKeys,
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A PostgreSQL connection string from `name`, or null when unset. */
function postgresUrl(env: Env, name: string): string | null {
  const value = env[name]?.trim() || null;
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new ConfigError(name, `must start with postgres:// or postgresql://, got ${url.protocol}//`);
  return value;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const readDatabaseUrl = postgresUrl(env, 'READ_DATABASE_URL');
  const logFormat = (env.LOG_FORMAT || 'auto') as Config['logFormat'];
  if (!['auto', 'pretty', 'json'].includes(logFormat))
    throw new ConfigError('LOG_FORMAT', `must be auto, pretty or json, got "${env.LOG_FORMAT}"`);
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const sessionSecret = env.SESSION_SECRET || 'yiwang-development-secret-change-me';
  if (sessionSecret.length < 16)
    throw new ConfigError('SESSION_SECRET', 'must be at least 16 characters long');
  const sealKeySecret = env.SEAL_KEY_SECRET || DEVELOPMENT_SEAL_KEY_SECRET;
  if (sealKeySecret.length < 16)
    throw new ConfigError('SEAL_KEY_SECRET', 'must be at least 16 characters long');
  const host = env.HOST || '0.0.0.0';
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const backupDir = path.resolve(cwd, env.BACKUP_DIR || path.join(dataDir, 'backup'));
  if (!path.relative(path.join(dataDir, 'pg'), backupDir).startsWith('..'))
    throw new ConfigError('BACKUP_DIR', `must not be inside the database folder ${path.join(dataDir, 'pg')}`);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    databaseUrl,
    readDatabaseUrl,
    readDatabaseConnectTimeoutMs: int(env, 'READ_DATABASE_CONNECT_TIMEOUT_MS', 3000, 100, 60_000),
    dataDir,
    backupDir,
    sessionSecret,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    logLevel,
    logFormat,
    demoData: bool(env, 'DEMO_DATA', true),
    secureCookies: bool(env, 'SECURE_COOKIES', false),
    buildApp: bool(env, 'BUILD_APP', true),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024),
    fileMaxBytes: int(env, 'FILE_MAX_BYTES', 20 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    signIn: {
      maxFailures: int(env, 'SIGNIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: int(env, 'SIGNIN_LOCK_MINUTES', 15, 1, 24 * 60),
      ipMaxPerMinute: int(env, 'SIGNIN_IP_MAX_PER_MINUTE', 30, 1, 10000),
    },
    warningWorkingDays: int(env, 'WARNING_WORKING_DAYS', 2, 0, 30),
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 60, 0, 24 * 60 * 60),
    caseDailyIntervalSeconds: int(env, 'CASE_DAILY_INTERVAL_SECONDS', 2, 0, 24 * 60 * 60),
    auditCheckpoints: auditCheckpoints(env, cwd, databaseUrl),
    sealKeySecret,
    trustProxy: trustProxy(env),
  };
}
