import { strict as assert } from 'node:assert';
import { isEnvFile, redactSecrets } from '../../../src/core/chat/secrets';
import { findSecrets, isPlaceholder, secretRuleIds, shannonEntropy } from '../../../src/core/chat/secretRules';
import { KeywordIndex } from '../../../src/core/chat/keywordIndex';
import { DEFAULT_CORPUS, loadSecretCorpus, runSecretCorpus } from '../../bench/secrets';

describe('secret redaction in attached context', () => {
  it('removes private key blocks and API-key-shaped tokens, counting them', () => {
    const text = [
      'const key = "xai-AbCdEfGhIjKlMnOpQrStUvWx1234";',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Dx\n-----END RSA PRIVATE KEY-----',
      'gh = ghp_R8fKq2ZLmW0vXn4TzJ7pYc1HdS9aBe3UgN6o',
      'aws AKIAQ3EGRV7YWNPLMZTB',
    ].join('\n');
    const r = redactSecrets(text, 'src/config.ts');
    assert.equal(r.count, 4);
    assert.doesNotMatch(r.text, /xai-AbCd|MIIEp|ghp_R8f|AKIAQ3/);
  });

  it('keeps values published as documentation examples (AWS EXAMPLE keys, jwt.io, Stripe docs)', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n-u sk_test_4eC39HqLyjWDarjtT1zdp7dc:';
    assert.deepEqual(redactSecrets(text, 'README.md'), { text, count: 0 });
  });

  it('redacts assignments to secret-looking names but not references to the environment', () => {
    const r = redactSecrets('password = "hunter2hunter2"\napiKey: process.env.API_KEY\nname = "visible"', 'app.yml');
    assert.equal(r.count, 1);
    assert.match(r.text, /password = "\[REDACTED\]"/);
    assert.match(r.text, /process\.env\.API_KEY/);
    assert.match(r.text, /name = "visible"/);
  });

  it('redacts inline and nested assignments, keeping the surrounding code', () => {
    assert.equal(redactSecrets('connect(host="db", password="Tr0ub4dor&3")').text, 'connect(host="db", password="[REDACTED]")');
    assert.equal(redactSecrets('{"db": {"password": "S3cr3t!x"}}').text, '{"db": {"password": "[REDACTED]"}}');
    assert.equal(redactSecrets('new S3({ secretAccessKey: "q8Lm2Vx9Zr4Tn7Kp1Wy5" })').text, 'new S3({ secretAccessKey: "[REDACTED]" })');
  });

  it('redacts only the password of a URL or connection string', () => {
    assert.equal(redactSecrets('mongodb+srv://app:Zx8vQp2LmN4r@c0.mongodb.net/prod').text, 'mongodb+srv://app:[REDACTED]@c0.mongodb.net/prod');
    assert.equal(redactSecrets('jdbc:mysql://db/app?user=app&password=Kd8mQ2zR9&ssl=1').text, 'jdbc:mysql://db/app?user=app&password=[REDACTED]&ssl=1');
    assert.equal(redactSecrets('Server=db;User ID=sa;Password=lKF67Oy8eH$Hveq;').text, 'Server=db;User ID=sa;Password=[REDACTED];');
  });

  it('redacts a private key cut before its END line', () => {
    const r = redactSecrets('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKj', 'k.pem');
    assert.equal(r.count, 1);
    assert.doesNotMatch(r.text, /MIIEvQ|VJTUt9/);
  });

  it('counts overlapping findings once', () => {
    const r = redactSecrets('DATABASE_URL=postgres://app:s3cr3tPg9@db:5432/app', '.env');
    assert.deepEqual(r, { text: 'DATABASE_URL=[REDACTED]', count: 1 });
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
    const code = 'export function tokenize(text: string) { return text.split(" "); }\nconst password = await hash(input);';
    assert.deepEqual(redactSecrets(code, 'a.ts'), { text: code, count: 0 });
  });

  it('treats templates, references and placeholder words as placeholders, not secrets', () => {
    for (const p of ['${DB_PASSWORD}', '<your-api-key>', 'your-api-key-here', 'password123', 'XXXXXXXXXXXX', 'sk-...']) assert.ok(isPlaceholder(p), p);
    for (const s of ['hunter2hunter2', 'Tr0ub4dor&3', 'q8Lm2Vx9Zr4Tn7Kp1Wy5']) assert.ok(!isPlaceholder(s), s);
  });

  it('ships the gitleaks rules plus ours', () => {
    const ids = secretRuleIds();
    assert.ok(ids.length > 200, `${ids.length} rules`);
    for (const id of ['generic-api-key', 'stripe-access-token', 'slack-webhook-url', 'npm-access-token', 'url-userinfo', 'private-key-block']) assert.ok(ids.includes(id), id);
  });

  it('a finding points at the secret, not the whole match', () => {
    const text = 'token: "ghp_R8fKq2ZLmW0vXn4TzJ7pYc1HdS9aBe3UgN6o"';
    const [f] = findSecrets(text);
    assert.equal(text.slice(f!.start, f!.end), 'ghp_R8fKq2ZLmW0vXn4TzJ7pYc1HdS9aBe3UgN6o');
  });
});

describe('keyword index', () => {
  it('finds every occurrence, case-insensitively and overlapping, like indexOf on lower-cased text', () => {
    const keywords = ['key', 'ey', 'api', 'apikey', 's.'];
    const text = 'const apiKey = KEY; this.s.x; hey ÄPI apikey';
    const seen: string[] = [];
    new KeywordIndex(keywords).scan(text, (id, end) => seen.push(`${keywords[id]}@${end}`));
    const lower = text.toLowerCase();
    const expected = keywords.flatMap((k) => [...lower.matchAll(new RegExp(k.replace('.', '\\.'), 'g'))].map((m) => `${k}@${m.index + k.length}`));
    assert.deepEqual(seen.sort(), expected.sort());
    assert.ok(new KeywordIndex(['secret']).has('mySECRET') && !new KeywordIndex(['secret']).has('secre'));
  });
});

describe('Shannon entropy', () => {
  it('is bits per character, counting code points, as gitleaks computes it', () => {
    assert.equal(shannonEntropy('aabb'), 1);
    assert.equal(shannonEntropy('abcdefgh'), 3);
    assert.equal(shannonEntropy('zzzz'), 0);
    assert.equal(shannonEntropy('😀😀ab'), 1.5); // two code points of one kind, not four UTF-16 units
    assert.equal(shannonEntropy('é'.repeat(2) + 'ab'), shannonEntropy('xxab'));
    assert.equal(shannonEntropy(''), 0);
  });
});

describe('secret corpus (test/fixtures/secrets/corpus.json)', () => {
  const corpus = loadSecretCorpus(DEFAULT_CORPUS);
  const results = runSecretCorpus(corpus);

  it('has at least 60 secrets of 20 kinds and 60 look-alikes', () => {
    assert.ok(corpus.secrets.length >= 60 && new Set(corpus.secrets.map((s) => s.kind)).size >= 20);
    assert.ok(corpus.lookalikes.length >= 60);
    for (const s of corpus.secrets) assert.ok(s.text.includes(s.secret), `${s.kind}: secret not in text`);
  });

  it('catches every secret', () => {
    const missed = results.filter((r) => r.role === 'secret' && !r.ok).map((r) => `${r.kind}: ${r.output}`);
    assert.deepEqual(missed, []);
  });

  it('leaves every look-alike unchanged', () => {
    const changed = results.filter((r) => r.role === 'lookalike' && !r.ok).map((r) => `${r.kind}: ${r.output}`);
    assert.deepEqual(changed, []);
  });
});
