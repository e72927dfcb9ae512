import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../lib/config';

const configDir = join(__dirname, '..', '..', 'config');

/** `KEY=value` lines of an env file, as `node --env-file` reads them (comments and blank lines skipped). */
function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}

describe('the example configurations in config/', () => {
  const files = readdirSync(configDir).filter((name) => name.endsWith('.env'));

  it('has one for a single node and one for several', () => {
    expect(files.sort()).toEqual(['multi-node.env', 'single-node.env']);
  });

  it.each(files)('%s is a valid deployment configuration', (file) => {
    const vars = parseEnvFile(readFileSync(join(configDir, file), 'utf8'));
    expect(Object.keys(vars).length).toBeGreaterThan(5);
    const config = loadConfig(vars, 1);
    expect(config.mode).toBe('deployment');
    expect(config.redis.url).toBe(vars.REDIS_URL);
  });

  it('multi-node.env sets every value the processes read that a cluster must agree on', () => {
    const vars = parseEnvFile(readFileSync(join(configDir, 'multi-node.env'), 'utf8'));
    const config = loadConfig(vars, 1);
    expect(config.websocket.allowedOrigins).toEqual(['https://music.example.com']);
    expect(config.budget.perWindow).toBe(Number(vars.SPOTIFY_BUDGET_PER_30S));
    expect(config.internalApiToken).not.toBeNull();
  });
});
