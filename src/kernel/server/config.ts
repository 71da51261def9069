/**
 * Configuration is read from the environment once, at start, and checked here. A bad value stops the
 * process with a message that names the variable: a typo must never become a silently different
 * deployment. Every variable is documented in `.env.example`.
 */
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { isRole, type Role } from '../shared/roles.ts';
import { activateCity, type City, CityConfigError, defaultCityId, loadCity } from './city/city.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

/** What Fastify's `trustProxy` is given: nothing, a hop count, or the proxies' addresses and CIDRs. */
export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY as Fastify's `trustProxy`. A hop count becomes a function trusting that many hops
 * (the peer and the entries it and the proxies before it appended): the installed Fastify treats a
 * bare number as "trust nothing", since a count cannot tell the proxy from a client that reached the
 * port directly; HOST=127.0.0.1 (or addresses instead of a count) closes that door.
 */
export function fastifyTrustProxy(
  value: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

/** An IP address, a CIDR, or one of proxy-addr's names for a range (loopback, linklocal, uniquelocal). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * The embedded engine's buffer pool, resident from start: lower it on a small machine (16 saves
   * about 110 MB), at the cost of slower searches over many cases. At most 1,024: PGlite's whole
   * WebAssembly heap is capped at 2 GB, and a pool near that stops it at start.
   */
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(1024).default(128),
  /**
   * The city (a folder under datasets/): its `city.json` (names, time zone, language, currency,
   * signature, public address) configures the installation, and its dataset is loaded at first start.
   */
  RIGHTSCITY_CITY: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default(defaultCityId),
  RIGHTSCITY_ADMIN_EMAIL: z.email().default('admin@localhost.localdomain'),
  RIGHTSCITY_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Key material for encrypting confidential fields; when absent a 0600 key file in DATA_DIR is used. */
  RIGHTSCITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_MAX_HOURS: positiveInt.default(12),
  /**
   * Require a second factor (TOTP) at login for these roles, comma-separated; `none` for no role.
   * Admins and ombudsman staff by default: their accounts open every account or every case file.
   */
  REQUIRE_TOTP_ROLES: z
    .string()
    .default('admin,ombudsman')
    .transform((value, context): Role[] => {
      if (value.trim() === 'none') return [];
      const names = value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean);
      // A misspelt role would silently leave that role without a second factor.
      for (const name of names) {
        if (!isRole(name)) context.addIssue({ code: 'custom', message: `unknown role "${name}"` });
      }
      return names.filter(isRole);
    }),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  LOGIN_WINDOW_MINUTES: positiveInt.default(15),
  /**
   * Behind reverse proxies that set X-Forwarded-For/-Proto: how many of them (a hop count), or their
   * addresses and CIDRs. Only those hops are believed, so a client cannot choose its own address by
   * sending X-Forwarded-For. `true` (believe the whole header) is refused.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, context): TrustProxy => {
      const text = value.trim();
      if (['false', '0', 'no'].includes(text)) return false;
      if (text === 'true' || text === 'yes') {
        context.addIssue({
          code: 'custom',
          message:
            'true would believe every X-Forwarded-For hop, so any client could choose its address; set the number of proxies in front (e.g. 1) or their addresses (e.g. 127.0.0.1 or 10.0.0.0/8)',
        });
        return false;
      }
      if (/^\d+$/.test(text)) return Number(text);
      const entries = text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        if (!isProxyAddress(entry)) {
          context.addIssue({
            code: 'custom',
            message: `"${entry}" is not a hop count, an IP address or a CIDR (e.g. 1, 127.0.0.1, 10.0.0.0/8)`,
          });
        }
      }
      return entries;
    }),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  /**
   * Public writes (complaints, attachments, registrations, answers, logins …) each route accepts per
   * client address and per browser within the window; a route may allow a multiple (`writeLimit`).
   */
  RATE_LIMIT_PER_ADDRESS: positiveInt.default(30),
  RATE_LIMIT_PER_BROWSER: positiveInt.default(10),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /**
   * Work reminders (`notifications/reminders.ts`): a reminder this many calendar days before a due
   * date (and one on the day), and an overdue item escalated to the Human Rights Office (officers)
   * this many calendar days after it.
   */
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(60).default(7),
  ESCALATION_DAYS_AFTER: z.coerce.number().int().min(1).max(60).default(3),
  /** File uploads are refused (507) while DATA_DIR's file system has less free space than this. */
  UPLOAD_MIN_FREE_MB: z.coerce.number().int().min(0).default(1024),
  /**
   * Closed ombudsman cases are pseudonymised this many years after closing (`rightscity ombudsman
   * retention`): identity and attachments removed, contact details struck from the text.
   */
  OMBUDSMAN_RETENTION_YEARS: positiveInt.default(5),
  /** Roundtable registrants' names and contacts are erased this many days after the meeting (`rightscity committees retention`). */
  COMMITTEES_REGISTRANT_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  /** The network of cities: how long fetching a peer city's feed may take, and its largest size. */
  NETWORK_FETCH_TIMEOUT_MS: positiveInt.default(5000),
  NETWORK_FEED_MAX_BYTES: positiveInt.default(1_048_576),
  /** Peers on loopback, private and shared (CGNAT) networks: for tests, development and one intranet. */
  NETWORK_ALLOW_PRIVATE: flag.default(false),
  /** DNS servers (ip or ip:port, comma-separated) for peers' names instead of the system's resolver. */
  NETWORK_DNS_SERVERS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((server) => server.trim())
        .filter(Boolean),
    ),
  /** The Chromium that prints the annual report as PDF (`rightscity report --format pdf`). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /**
   * Mail (notifications by email, the daily digest, `rightscity mail test`): the SMTP server as a URL,
   * `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. Without it,
   * notifications stay in the app and the server says so once at start.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of the platform's mail, e.g. `"Gwangju Human Rights Office" <rights@example.org>`. */
  MAIL_FROM: z.string().min(3).default('rightscity@localhost.localdomain'),
  /**
   * Seconds a server holds a message it is sending before another may take it over (a crash between
   * sending and marking it sent); each SMTP stage must finish within a quarter of it.
   */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
  /** Attempts at a message before it is marked failed (retries wait 1, 2, 4 … minutes). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry's wait in seconds; each later one doubles it. */
  MAIL_RETRY_BASE_SECONDS: positiveInt.default(60),
  /**
   * The address the platform is reached at, for links in mail: overrides the city's `publicUrl`
   * (city.json), e.g. when one dataset serves a staging and a live installation.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How often, in seconds, each server looks for scheduled work (mail to send, periodic jobs). */
  JOBS_TICK_SECONDS: positiveInt.default(10),
  /**
   * Seconds after start before the scheduler's first look; for tests that need a server up but not
   * yet working through its jobs (0 = at once).
   */
  JOBS_START_DELAY_SECONDS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  engine: 'pglite' | 'postgresql';
  /** The city's configuration, from `datasets/<RIGHTSCITY_CITY>/city.json`. */
  city: City;
  /** Where links in mail point: PUBLIC_URL, or else the city's `publicUrl`, without a trailing slash. */
  publicUrl: string;
};

export class ConfigError extends Error {}

/** Parses `env` (default: `process.env`); throws ConfigError naming every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const config = result.data;
  const dataDir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(config.DATA_DIR);
  let city: City;
  try {
    city = loadCity(config.RIGHTSCITY_CITY);
  } catch (error) {
    if (error instanceof CityConfigError) throw new ConfigError(error.message);
    throw error;
  }
  // The city's clock becomes the kernel clock of this process (server, CLI command or test app).
  activateCity(city);
  const publicUrl = (config.PUBLIC_URL ?? city.publicUrl).replace(/\/+$/, '');
  return { ...config, dataDir, engine: config.DATABASE_URL ? 'postgresql' : 'pglite', city, publicUrl };
}
