import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyAtr, formatAtr } from '../../paired-agent/atr';
import { isKamuSmIssuer } from '../../paired-agent/certificate';
import { defaultPkcs11Paths, loadConfig, loadOrCreateInstallSalt } from '../../paired-agent/config';
import { Pkcs11LoadError, Pkcs11WrongArchitectureError } from '../../paired-agent/errors';
import { messages } from '../../paired-agent/messages';
import { classifyLoadError } from '../../paired-agent/pkcs11';
import { extractTckn, hashTckn, isValidTckn, maskTckn } from '../../paired-agent/tckn';

describe('agent ATR classification', () => {
  const rows: Array<[string, string, string | null]> = [
    ['3B BA 11 00 81 31 FE 4D 55 45 4B 41 45 20 56 31 2E 30 AE', 'akis', 'AKIS v1.0'],
    ['3B9F968011FE456755454B414512345678901234', 'akis', 'AKIS (gUEKAE)'],
    ['3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A', 'unrecognised', null],
    // "UEKAE" shifted by half a byte is not the marker
    ['3B0675545 4B41450'.replace(/\s/g, ''), 'unrecognised', null],
  ];
  for (const [atr, verdict, label] of rows) {
    it(`${atr} -> ${verdict}`, () => {
      const c = classifyAtr(atr);
      assert.equal(c.verdict, verdict);
      assert.equal(c.label, label);
    });
  }
  it('formats ATRs for people', () => assert.equal(formatAtr('3bba11'), '3B BA 11'));
});

describe('agent T.C. Kimlik No handling', () => {
  it('checks the checksum rule', () => {
    assert.equal(isValidTckn('10000000146'), true);
    assert.equal(isValidTckn('10000000147'), false);
    assert.equal(isValidTckn('01000000146'), false); // d1 must not be 0
    assert.equal(isValidTckn('1000000014'), false);
  });
  it('extracts the number from plain and prefixed SERIALNUMBER values', () => {
    assert.equal(extractTckn('10000000146'), '10000000146');
    assert.equal(extractTckn('TCKTR-10000000146'), '10000000146');
    assert.equal(extractTckn('PASTR-U12345678'), null);
  });
  it('masks as first digit, seven stars, last two digits', () => assert.equal(maskTckn('10000000146'), '1*******46'));
  it('hashes with the salt: same salt same hash, other salt other hash', () => {
    const a = hashTckn('10000000146', Buffer.alloc(32, 1));
    assert.equal(a, hashTckn('10000000146', Buffer.alloc(32, 1)));
    assert.notEqual(a, hashTckn('10000000146', Buffer.alloc(32, 2)));
    assert.ok(!a.includes('10000000146'));
  });
  it('keeps a per-install salt, owner-only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eimza-salt-'));
    try {
      const configDir = join(dir, 'eimza-agent');
      const salt = loadOrCreateInstallSalt(configDir);
      assert.deepEqual(loadOrCreateInstallSalt(configDir), salt);
      assert.equal(statSync(join(configDir, 'install-salt')).mode & 0o777, 0o600);
      assert.equal(statSync(configDir).mode & 0o777, 0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('agent Kamu SM issuer match', () => {
  it('matches any version and case, not other issuers', () => {
    assert.equal(isKamuSmIssuer('Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6'), true);
    assert.equal(isKamuSmIssuer('Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 3'), true);
    assert.equal(isKamuSmIssuer('KAMU ELEKTRONİK SERTİFİKA HİZMET SAĞLAYICISI'), true);
    assert.equal(isKamuSmIssuer('E-Tuğra EBG Nitelikli Elektronik Sertifika Hizmet Sağlayıcısı'), false);
    assert.equal(isKamuSmIssuer(undefined), false);
  });
});

describe('agent configuration', () => {
  it('uses the OS default library paths from domain.md', () => {
    assert.deepEqual(defaultPkcs11Paths({ platform: 'linux', systemRoot: '' }), ['/usr/lib/libakisp11.so', '/usr/local/lib/libakisp11.so']);
    assert.deepEqual(defaultPkcs11Paths({ platform: 'darwin', systemRoot: '' }), ['/usr/local/lib/libakisp11.dylib']);
    assert.deepEqual(defaultPkcs11Paths({ platform: 'win32', systemRoot: 'C:\\Windows' }), ['C:\\Windows\\System32\\akisp11.dll']);
  });
  it('puts the config folder under XDG_CONFIG_HOME and defaults to Turkish', () => {
    const config = loadConfig({ XDG_CONFIG_HOME: '/x' }, 'linux');
    assert.equal(config.configDir, '/x/eimza-agent');
    assert.equal(config.lang, 'tr');
    assert.equal(loadConfig({ EIMZA_AGENT_LANG: 'en' }, 'linux').lang, 'en');
  });
});

describe('agent library load errors', () => {
  const rows: Array<[string, typeof Pkcs11WrongArchitectureError | typeof Pkcs11LoadError]> = [
    ['/usr/lib/libakisp11.so: wrong ELF class: ELFCLASS32', Pkcs11WrongArchitectureError],
    ["dlopen(libakisp11.dylib): mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64')", Pkcs11WrongArchitectureError],
    ['LoadLibrary: %1 is not a valid Win32 application.', Pkcs11WrongArchitectureError],
    ['libakisp11.so: undefined symbol: SCardConnect', Pkcs11LoadError],
  ];
  for (const [message, type] of rows) {
    it(`${message.slice(0, 50)} -> ${type.name}`, () => assert.ok(classifyLoadError('lib', new Error(message)) instanceof type));
  }
});

describe('agent never touches a PIN (structural)', () => {
  const dir = join(__dirname, '..', '..', 'paired-agent');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));
  const forbidden = [/C_Login\b/, /C_InitPIN\b/, /C_SetPIN\b/, /C_InitToken\b/, /C_Sign\w*\b/, /\.transmit\(/, /\.connect\(/, /\.control\(/];
  for (const pattern of forbidden) {
    it(`no agent source calls ${pattern.source}`, () => {
      const hits = sources.filter((s) => pattern.test(s.text)).map((s) => s.f);
      assert.deepEqual(hits, []);
    });
  }
});

describe('agent messages', () => {
  it('has Turkish and English for every key, with Turkish letters where Turkish needs them', () => {
    for (const [key, value] of Object.entries(messages)) {
      assert.ok(value.tr.length > 0 && value.en.length > 0, key);
    }
    assert.match(messages['advice.never_use_puk'].tr, /KULLANMAYIN.*İzleme Aracı.*üç/);
    assert.match(messages['error.pcsc_unavailable'].tr, /Akıllı kart hizmeti çalışmıyor/);
  });
});
