import { strict as assert } from 'node:assert';
import { isEnvFile, redactSecrets } from '../../../src/core/chat/secrets';

describe('secret redaction in attached context', () => {
  it('removes private key blocks and API-key-shaped tokens, counting them', () => {
    const text = [
      'const key = "xai-AbCdEfGhIjKlMnOpQrStUvWx1234";',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
      'gh = ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'aws AKIAIOSFODNN7EXAMPLE',
    ].join('\n');
    const r = redactSecrets(text, 'src/config.ts');
    assert.equal(r.count, 4);
    assert.doesNotMatch(r.text, /xai-AbCd|MIIEp|ghp_abc|AKIAIOSF/);
  });

  it('redacts assignments to secret-looking names but not references to the environment', () => {
    const r = redactSecrets('password = "hunter2hunter2"\napiKey: process.env.API_KEY\nname = "visible"', 'app.yml');
    assert.equal(r.count, 1);
    assert.match(r.text, /password = "\[REDACTED\]"/);
    assert.match(r.text, /process\.env\.API_KEY/);
    assert.match(r.text, /name = "visible"/);
  });

  it('redacts every value of a .env file and keeps the names', () => {
    const r = redactSecrets('# db\nDB_HOST=localhost\nexport PORT=5432\nEMPTY=\n', '/w/.env.local');
    assert.equal(r.count, 2);
    assert.equal(r.text, '# db\nDB_HOST=[REDACTED]\nexport PORT=[REDACTED]\nEMPTY=\n');
  });

  it('recognises .env files by name', () => {
    assert.ok(isEnvFile('.env') && isEnvFile('a/.env.production') && isEnvFile('prod.env'));
    assert.ok(!isEnvFile('env.ts') && !isEnvFile('.envrc.md'));
  });

  it('leaves ordinary code untouched', () => {
    const code = 'export function tokenize(text: string) { return text.split(" "); }';
    assert.deepEqual(redactSecrets(code, 'a.ts'), { text: code, count: 0 });
  });
});
