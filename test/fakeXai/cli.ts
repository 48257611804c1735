import { FAKE_XAI_KEY, FakeXaiServer } from './server';
import { SCENARIOS } from './scenarios';

/**
 * `npm run fake-xai [-- --port N] [--key KEY]`: runs the fake xAI server until Ctrl+C. Prints the base URL
 * to put in `grok.baseUrl` and the key it accepts (the first line is machine-readable for scripts).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const server = await FakeXaiServer.start({ port: Number(option('port') ?? 0), key: option('key') ?? FAKE_XAI_KEY });
  console.log(JSON.stringify({ url: server.url, key: server.key }));
  if (!args.includes('--quiet')) {
    console.log(`Fake xAI server listening at ${server.url}`);
    console.log(`Accepted API key: ${server.key}`);
    console.log(`Scenarios: header x-fake-scenario, "[scenario:NAME]" in your message, or model "fake-NAME".`);
    console.log(`  ${Object.keys(SCENARIOS).join(', ')}`);
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
