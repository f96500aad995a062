import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/cli/find-json-syntax-error.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('names the line, the column and what was expected', () => {
    expect(findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toEqual({ line: 3, column: 3, problem: 'expected "," or "}" after a property value' });
    expect(findJsonSyntaxError('{"a": [1, 2,]}')).toEqual({ line: 1, column: 13, problem: 'expected a value (object, array, string, number, true, false or null)' });
    expect(findJsonSyntaxError("{'a': 1}")).toEqual({ line: 1, column: 2, problem: 'expected a property name in double quotes' });
    expect(findJsonSyntaxError('{"a": 01}')).toEqual({ line: 1, column: 8, problem: 'expected "," or "}" after a property value' });
    expect(findJsonSyntaxError('{"a": "x')).toEqual({ line: 1, column: 9, problem: 'unexpected end of input' });
    expect(findJsonSyntaxError('')).toEqual({ line: 1, column: 1, problem: 'unexpected end of input' });
    expect(findJsonSyntaxError('{} {}')).toEqual({ line: 1, column: 4, problem: 'unexpected content after the JSON value' });
    expect(findJsonSyntaxError('"\\x"')).toEqual({ line: 1, column: 2, problem: 'invalid escape sequence in a string' });
  });

  it('agrees with JSON.parse on valid JSON and on corrupted JSON', () => {
    const corrupted = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '-', '.', 'e', '0', ' ', '\n', 'x', '\\', '\u0001'))
      .map(([json, at, insert]) => {
        const i = at % (json.length + 1);
        return at % 2 === 0 ? json.slice(0, i) + insert + json.slice(i) : json.slice(0, i) + json.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), corrupted, fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
