import { strict as assert } from 'node:assert';
import { ask, clientFor, collect, useFakeServer } from './helpers';

for (const api of ['chat', 'responses'] as const) {
  describe(`fake server echo scenario over ${api}`, () => {
    const server = useFakeServer();

    it('answers with the user text after the tag, without the context block', async () => {
      const { client } = clientFor(server.get(), { api });
      const said = '<img src=x onerror="window.pwned=1"> **bold** `code`';
      const run = await collect(client.stream(ask(`<context>\nFile a.ts:\nsecret stuff\n</context>\n\n[scenario:echo] ${said}`)));
      assert.equal(run.error, undefined);
      assert.equal(run.text, said);
    });
  });
}
