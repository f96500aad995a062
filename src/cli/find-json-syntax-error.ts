/** Where a JSON text first breaks the grammar, and what was expected there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {}
}

/**
 * Finds the first syntax error of a JSON text (RFC 8259). `JSON.parse` messages quote the text
 * around the error, which may be borrower data; this names the position and the expectation only.
 * @returns `undefined` when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const end = text.length;
  const fail = (problem: string, at = i): never => {
    throw new Stop(at, at >= end ? 'unexpected end of input' : problem);
  };
  const skipSpace = () => {
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const digits = (problem: string) => {
    const start = i;
    while (i < end && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) fail(problem);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= end) fail('unterminated string');
      const char = text.charCodeAt(i);
      if (char === 0x22) {
        i++;
        return;
      }
      if (char < 0x20) fail('control character in a string (escape it)');
      if (char === 0x5c) {
        const escape = text[i + 1];
        if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
        else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail('invalid escape sequence in a string');
      } else i++;
    }
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits('invalid number');
    if (text[i] === '.') {
      i++;
      digits('invalid number: expected a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('invalid number: expected a digit in the exponent');
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail('expected a value (object, array, string, number, true, false or null)');
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail('expected a property name in double quotes');
      string();
      skipSpace();
      if (text[i] !== ':') fail('expected ":" after a property name');
      i++;
      value();
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return;
      } else fail('expected "," or "}" after a property value');
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return;
      } else fail('expected "," or "]" after an array element');
    }
  };

  try {
    value();
    skipSpace();
    if (i < end) fail('unexpected content after the JSON value');
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) return undefined; // nesting too deep to scan: the caller says "invalid JSON" without a position
    const before = text.slice(0, stop.at);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: stop.at - lineStart + 1, problem: stop.problem };
  }
}
