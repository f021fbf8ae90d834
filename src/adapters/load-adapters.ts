import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Adapter } from './adapter.js';

/** The chat platforms the configuration turns on. Platform libraries load only when used. */
export async function loadAdapters(config: Config, log: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  void config;
  void log;
  return adapters;
}
