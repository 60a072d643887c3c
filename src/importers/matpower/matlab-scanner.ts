/**
 * Reads the small subset of MATLAB that MATPOWER case files are written in: an optional
 * `function mpc = name` line, then assignments `mpc.field = value;` whose value is a number, a
 * quoted string, a numeric matrix `[ ... ]` or a cell array of strings `{ ... }`.
 *
 * Comments (`%` to the end of a line, `%{ ... %}` blocks), `...` continuations, `,`/`;`/newline
 * separators, tabs, and `end`/`return` lines are understood. Anything else is rejected with a
 * MatpowerFormatError naming the file and line, rather than guessed at.
 */
import { MatpowerFormatError } from './matpower-error.ts';

/** One row of a matrix, with the line its first value is on. */
export interface MatrixRow {
  readonly values: number[];
  readonly line: number;
}

export type MatlabValue =
  | { readonly kind: 'matrix'; readonly rows: MatrixRow[] }
  | { readonly kind: 'cell'; readonly items: { readonly text: string; readonly line: number }[] }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number };

export interface Assignment {
  /** Left-hand side as written, e.g. `mpc.bus`. */
  readonly target: string;
  readonly value: MatlabValue;
  readonly line: number;
}

export interface ScannedFile {
  /** `function OUT = NAME`: the name and output variable, when present. */
  readonly functionName?: string;
  readonly outputName?: string;
  /** Line of a version-1 signature `function [baseMVA, bus, gen, ...] = NAME`, if any. */
  readonly versionOneLine?: number;
  readonly assignments: Assignment[];
}

interface Token {
  kind: 'word' | 'string' | 'punct' | 'newline' | 'eof';
  text: string;
  line: number;
}

const PUNCT = new Set(['=', '[', ']', '{', '}', ';', ',', '(', ')']);
const WORD_END = new Set([' ', '\t', '\r', '\n', '%', "'", '"', ...PUNCT]);
const IDENTIFIER = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)inf$/i;

/** A MATLAB numeric literal (`12`, `-1.5e-3`, `.5`, `Inf`, `-Inf`), or undefined. */
export function parseMatlabNumber(word: string): number | undefined {
  if (NUMBER.test(word)) return Number(word);
  const inf = INFINITY.exec(word);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return undefined;
}

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;
  let lineStart = true;
  const push = (kind: Token['kind'], t: string) => tokens.push({ kind, text: t, line });
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      const end = text.indexOf('\n', i);
      if (text.slice(i, end < 0 ? n : end).trim() === '%{') {
        // Block comment: skip whole lines up to a line holding only `%}`.
        const startLine = line;
        let j = end;
        for (;;) {
          if (j < 0) throw new MatpowerFormatError('unterminated %{ block comment', file, startLine);
          line++;
          const k = text.indexOf('\n', j + 1);
          if (text.slice(j + 1, k < 0 ? n : k).trim() === '%}') {
            i = k < 0 ? n : k;
            break;
          }
          j = k;
        }
        continue;
      }
    }
    const c = text[i];
    if (c === '\n') {
      push('newline', '\n');
      line++;
      i++;
      lineStart = true;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '%') {
      while (i < n && text[i] !== '\n') i++;
    } else if (text.startsWith('...', i)) {
      // Continuation: the rest of the line is a comment and the newline does not end anything.
      while (i < n && text[i] !== '\n') i++;
      if (i < n) {
        i++;
        line++;
      }
    } else if (c === "'" || c === '"') {
      const prev = tokens[tokens.length - 1];
      const adjacent = i > 0 && !/\s/.test(text[i - 1]);
      if (c === "'" && adjacent && prev && (prev.kind === 'word' || ']})'.includes(prev.text))) {
        throw new MatpowerFormatError("unsupported MATLAB: transpose (')", file, line);
      }
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= n || text[j] === '\n') throw new MatpowerFormatError('unterminated string', file, line);
        if (text[j] === c) {
          if (text[j + 1] === c) {
            s += c;
            j += 2;
            continue;
          }
          break;
        }
        s += text[j++];
      }
      push('string', s);
      i = j + 1;
    } else if (PUNCT.has(c)) {
      push('punct', c);
      i++;
    } else {
      let j = i;
      while (j < n && !WORD_END.has(text[j]) && !text.startsWith('...', j)) j++;
      push('word', text.slice(i, j));
      i = j;
    }
  }
  push('eof', '');
  return tokens;
}

const describe = (t: Token) =>
  t.kind === 'eof' ? 'end of file' : t.kind === 'newline' ? 'end of line' : `'${t.text}'`;

/**
 * Scans a MATPOWER case file into its assignments.
 *
 * @example
 * const { assignments } = scanMatlab("function mpc = c\nmpc.baseMVA = 100;\nmpc.bus = [1 3; 2 1];", 'c.m');
 * // assignments[1].value = { kind: 'matrix', rows: [{ values: [1, 3], line: 3 }, { values: [2, 1], line: 3 }] }
 */
export function scanMatlab(text: string, file: string): ScannedFile {
  const tokens = tokenize(text, file);
  let p = 0;
  const fail = (detail: string, t: Token = tokens[p]): never => {
    throw new MatpowerFormatError(detail, file, t.line);
  };
  const isEnd = (t: Token) =>
    t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'punct' && (t.text === ';' || t.text === ','));

  let functionName: string | undefined;
  let outputName: string | undefined;
  let versionOneLine: number | undefined;
  const assignments: Assignment[] = [];

  const parseMatrix = (target: string, open: Token): MatlabValue => {
    const rows: MatrixRow[] = [];
    let values: number[] = [];
    let rowLine = 0;
    const endRow = () => {
      if (values.length > 0) rows.push({ values, line: rowLine });
      values = [];
    };
    for (;;) {
      const t = tokens[p++];
      if (t.kind === 'punct' && t.text === ']') break;
      if (t.kind === 'eof') fail(`unterminated matrix for ${target} (no closing ']')`, open);
      if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) endRow();
      else if (t.kind === 'punct' && t.text === ',') continue;
      else if (t.kind === 'word') {
        const v = parseMatlabNumber(t.text);
        if (v === undefined) fail(`bad number '${t.text}' in ${target}`, t);
        if (values.length === 0) rowLine = t.line;
        values.push(v as number);
      } else fail(`unexpected ${describe(t)} in matrix ${target}`, t);
    }
    endRow();
    return { kind: 'matrix', rows };
  };

  const parseCell = (target: string, open: Token): MatlabValue => {
    const items: { text: string; line: number }[] = [];
    for (;;) {
      const t = tokens[p++];
      if (t.kind === 'punct' && t.text === '}') break;
      if (t.kind === 'eof') fail(`unterminated cell array for ${target} (no closing '}')`, open);
      if (t.kind === 'string') items.push({ text: t.text, line: t.line });
      else if (t.kind !== 'newline' && !(t.kind === 'punct' && (t.text === ';' || t.text === ','))) {
        fail(`unexpected ${describe(t)} in cell array ${target} (only quoted strings are supported)`, t);
      }
    }
    return { kind: 'cell', items };
  };

  const parseValue = (target: string): MatlabValue => {
    const t = tokens[p++];
    if (t.kind === 'punct' && t.text === '[') return parseMatrix(target, t);
    if (t.kind === 'punct' && t.text === '{') return parseCell(target, t);
    if (t.kind === 'string') return { kind: 'string', text: t.text };
    if (t.kind === 'word') {
      const v = parseMatlabNumber(t.text);
      if (v !== undefined) return { kind: 'number', value: v };
      fail(
        `unsupported value '${t.text}' for ${target} (expected a number, string, matrix or cell array)`,
        t,
      );
    }
    return fail(`missing value for ${target}`, t);
  };

  while (tokens[p].kind !== 'eof') {
    const t = tokens[p];
    if (isEnd(t)) {
      p++;
      continue;
    }
    if (t.kind === 'word' && t.text === 'function') {
      p++;
      if (tokens[p].kind === 'punct' && tokens[p].text === '[') {
        versionOneLine = t.line;
        while (tokens[p].kind !== 'newline' && tokens[p].kind !== 'eof') p++;
        continue;
      }
      const out = tokens[p];
      const eq = tokens[p + 1];
      const name = tokens[p + 2];
      if (out.kind !== 'word' || eq.text !== '=' || name.kind !== 'word' || !IDENTIFIER.test(name.text)) {
        fail("unsupported function line (expected 'function mpc = name')", t);
      }
      outputName = out.text;
      functionName = name.text;
      p += 3;
    } else if (t.kind === 'word' && ['end', 'return', 'endfunction'].includes(t.text)) {
      p++;
    } else if (t.kind === 'word' && IDENTIFIER.test(t.text) && tokens[p + 1].text === '=') {
      p += 2;
      const value = parseValue(t.text);
      assignments.push({ target: t.text, value, line: t.line });
    } else {
      fail(`unsupported statement starting with ${describe(t)} (expected 'mpc.field = value;')`, t);
    }
    if (!isEnd(tokens[p])) fail(`unexpected ${describe(tokens[p])} after a statement`);
  }
  return { functionName, outputName, versionOneLine, assignments };
}
