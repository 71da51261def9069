/**
 * Reads the UN SDG code lists (`datasets/un-sdg/*.en.yml`): flat YAML maps of plain `key: value`
 * lines, a long value continuing on lines indented below it. This reader understands exactly that
 * and refuses anything else (quotes, block scalars, nesting, comments) with the file and line, so a
 * future version of the lists in another style fails loudly instead of loading something else.
 */
import { DatasetError } from '../seed/dataset-files.ts';

const entryPattern = /^([0-9a-z][0-9a-z-]*): (.+)$/;
const continuationPattern = /^ +(\S.*)$/;
// A plain YAML scalar cannot start with an indicator, contain ": " or " #", or end with ":"; values
// that do are written in a style this reader does not take apart.
const unsupported = /^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/;

export function readFlatYaml(content: string, file: string): Map<string, string> {
  const entries = new Map<string, string>();
  let key: string | undefined;
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    const fail = (why: string) => new DatasetError(`${file}, line ${index + 1}: ${why}`);
    const entry = entryPattern.exec(line);
    const continuation = continuationPattern.exec(line);
    const value = entry?.[2] ?? continuation?.[1];
    if (value === undefined) throw fail('expected "key: value" or an indented continuation line');
    if (unsupported.test(value.trimEnd())) throw fail('this YAML style is not supported (plain values only)');
    if (entry?.[1] !== undefined) {
      key = entry[1];
      if (entries.has(key)) throw fail(`the key ${key} repeats`);
      entries.set(key, value.trimEnd());
    } else {
      if (key === undefined) throw fail('a continuation line before any key');
      entries.set(key, `${entries.get(key)} ${value.trimEnd()}`);
    }
  });
  return entries;
}
