import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCity } from './city.ts';
import { cityShell } from './web-shell.ts';

describe("the web app's page as the city's", () => {
  it("writes the city's names, language and time zone into the built page", () => {
    const built =
      '<!doctype html>\n<html lang="xx">\n  <head>\n    <title>built</title>\n  </head><body></body></html>';
    const page = cityShell(built, loadCity('gwangju'));
    assert.match(page, /<html lang="ko">/);
    assert.match(page, /<title>광주 인권도시 플랫폼 · Gwangju Human Rights City Platform<\/title>/);
    const content = /<meta name="rightscity-city" content="([^"]*)"/.exec(page)?.[1];
    assert.ok(content, 'the meta element is there');
    const city = JSON.parse(
      content
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    assert.equal(city.timeZone, 'Asia/Seoul');
    assert.equal(city.currency, 'KRW');
    assert.match(city.intro.ko, /5·18/, "the city's own introduction, from its city.json");
    assert.equal(city.signature, undefined, 'only what the browser needs');
  });

  it("writes a city's name as it is, even with the characters a string replacement would read as patterns", () => {
    const city = loadCity('gwangju');
    const odd = { ...city, shortName: { ko: '$&시', en: "$' Town" } };
    const page = cityShell('<html lang="xx"><head><title>built</title></head></html>', odd);
    assert.match(page, /<title>\$&amp;시 인권도시 플랫폼 · \$' Town Human Rights City Platform<\/title>/);
  });
});
