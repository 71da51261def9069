import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../config.ts';
import { CityConfigError, currentCity, datasetsDir, loadCity, parseCity } from './city.ts';
import { clock } from './clock.ts';

const gwangju = JSON.parse(readFileSync(`${datasetsDir}/gwangju/city.json`, 'utf8'));
const withField = (change: (city: Record<string, unknown>) => void) => {
  const copy = structuredClone(gwangju);
  change(copy);
  return JSON.stringify(copy);
};
const refusal = (text: string) => {
  try {
    parseCity('test', text);
  } catch (error) {
    assert.ok(error instanceof CityConfigError);
    return error.message;
  }
  assert.fail('the city file was accepted');
};

describe('the city file', () => {
  it("loads Gwangju's, its clock in Asia/Seoul and its .ics host as before", () => {
    const city = loadCity('gwangju');
    assert.equal(city.timeZone, 'Asia/Seoul');
    assert.equal(city.defaultLanguage, 'ko');
    assert.equal(city.currency, 'KRW');
    assert.equal(city.uidHost, 'rightscity.gwangju');
  });

  it('names the field that is wrong', () => {
    assert.match(
      refusal(withField((c) => (c.timeZone = 'Asia/Gwangju'))),
      /timeZone: must be an IANA time zone/,
    );
    assert.match(refusal(withField((c) => (c.currency = 'won'))), /currency: must be an ISO 4217 code/);
    assert.match(refusal(withField((c) => (c.defaultLanguage = 'fr'))), /defaultLanguage/);
    assert.match(refusal(withField((c) => delete (c.name as Record<string, string>).en)), /name\.en/);
    assert.match(
      refusal(withField((c) => ((c.signature as Record<string, unknown>).office = { ko: '', en: 'x' }))),
      /signature\.office\.ko/,
    );
    assert.match(refusal(withField((c) => (c.publicUrl = 'ftp://city'))), /publicUrl/);
    assert.match(refusal(withField((c) => (c.mayor = 'someone'))), /mayor|Unrecognized key/);
    assert.match(refusal('{ not json'), /is not JSON/);
  });

  it('stops the configuration at start for a city without a file, naming RIGHTSCITY_CITY', () => {
    assert.throws(
      () => readConfig({ RIGHTSCITY_CITY: 'atlantis', DATA_DIR: '/nonexistent' }),
      (error: unknown) =>
        error instanceof ConfigError && /RIGHTSCITY_CITY=atlantis: no city file/.test(error.message),
    );
  });

  it('makes the configured city the kernel clock when the configuration is read', () => {
    const config = readConfig({ DATA_DIR: '/nonexistent' });
    assert.equal(config.city.id, 'gwangju');
    assert.equal(currentCity().id, 'gwangju');
    assert.equal(clock().timeZone, 'Asia/Seoul');
  });
});
