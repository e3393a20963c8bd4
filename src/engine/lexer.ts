// Lexer: Python source text → tokens, with INDENT/DEDENT computed as CPython's tokenizer does.

export type TokenKind = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'EOF';

export interface Token {
  kind: TokenKind;
  /** NAME: the name; NUMBER: the literal text; STRING: the decoded value (f-strings: the raw body); OP: the operator. */
  value: string;
  line: number;
  /** 0-based column of the first character. */
  col: number;
  endLine: number;
  endCol: number;
  /** STRING only: prefix letters, lower-cased ('', 'r', 'f', 'rf', 'b', ...). */
  prefix?: string;
}

/** A syntax error found while reading the source; the interpreter turns it into a Python SyntaxError (or subclass). */
export class PySyntaxError extends Error {
  constructor(
    readonly pyType: 'SyntaxError' | 'IndentationError' | 'TabError',
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=',
  '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=',
];

const isIdStart = (c: string): boolean => /[\p{L}\p{Nl}_]/u.test(c);
const isIdChar = (c: string): boolean => /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u.test(c);

export function tokenize(source: string): Token[] {
  // CPython reads CRLF and lone CR as newlines.
  const src = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const tokens: Token[] = [];
  const indents: number[] = [0];
  const altIndents: number[] = [0];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0; // bracket nesting
  const brackets: { ch: string; line: number; col: number }[] = [];
  let atLineStart = true;
  let continued = false; // previous physical line ended with a backslash

  const push = (kind: TokenKind, value: string, startPos: number, startLine: number, startLineStart: number, extra?: Partial<Token>) => {
    tokens.push({ kind, value, line: startLine, col: startPos - startLineStart, endLine: line, endCol: pos - lineStart, ...extra });
  };

  while (pos <= src.length) {
    if (atLineStart && depth === 0 && !continued) {
      // Measure indentation: tabs to the next multiple of 8 (col) and as 1 (altcol), like CPython.
      let col = 0;
      let alt = 0;
      let p = pos;
      for (;;) {
        const c = src[p];
        if (c === ' ') { col++; alt++; } else if (c === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++; } else if (c === '\f') { col = 0; alt = 0; } else break;
        p++;
      }
      const c = src[p];
      if (c === '#' || c === '\n' || c === undefined) {
        // Blank or comment-only line: no indentation tokens.
        pos = p;
        if (c === '#') while (pos < src.length && src[pos] !== '\n') pos++;
        if (pos >= src.length) break;
        pos++; line++; lineStart = pos;
        continue;
      }
      const top = indents[indents.length - 1];
      if (col > top) {
        if (alt <= altIndents[altIndents.length - 1]) throw new PySyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', line, 0);
        indents.push(col); altIndents.push(alt);
        tokens.push({ kind: 'INDENT', value: '', line, col: 0, endLine: line, endCol: p - lineStart });
      } else if (col < top) {
        while (indents.length > 1 && col < indents[indents.length - 1]) {
          indents.pop(); altIndents.pop();
          tokens.push({ kind: 'DEDENT', value: '', line, col: p - lineStart, endLine: line, endCol: p - lineStart });
        }
        if (col !== indents[indents.length - 1]) throw new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', line, p - lineStart);
        if (alt !== altIndents[altIndents.length - 1]) throw new PySyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', line, 0);
      } else if (alt !== altIndents[altIndents.length - 1]) {
        throw new PySyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', line, 0);
      }
      pos = p;
      atLineStart = false;
    }
    continued = false;
    if (pos >= src.length) break;
    const c = src[pos];
    if (c === ' ' || c === '\t' || c === '\f') { pos++; continue; }
    if (c === '#') { while (pos < src.length && src[pos] !== '\n') pos++; continue; }
    if (c === '\\') {
      if (src[pos + 1] === '\n') { pos += 2; line++; lineStart = pos; continued = true; continue; }
      if (pos + 1 >= src.length) throw new PySyntaxError('SyntaxError', 'unexpected EOF while parsing', line, pos - lineStart);
      throw new PySyntaxError('SyntaxError', 'unexpected character after line continuation character', line, pos - lineStart + 1);
    }
    if (c === '\n') {
      if (depth === 0) {
        const last = tokens[tokens.length - 1];
        if (last && last.kind !== 'NEWLINE' && last.kind !== 'INDENT' && last.kind !== 'DEDENT') {
          tokens.push({ kind: 'NEWLINE', value: '', line, col: pos - lineStart, endLine: line, endCol: pos - lineStart + 1 });
        }
        atLineStart = true;
      }
      pos++; line++; lineStart = pos;
      continue;
    }
    const startPos = pos;
    const startLine = line;
    const startLineStart = lineStart;
    // Strings, with optional prefixes.
    const strMatch = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(src.slice(pos, pos + 5));
    if (strMatch && (strMatch[1] === '' || /^(r|b|u|f|rb|br|fr|rf)$/i.test(strMatch[1]))) {
      const prefix = strMatch[1].toLowerCase();
      const quote = strMatch[2];
      pos += strMatch[0].length;
      const raw = prefix.includes('r');
      let body = '';
      for (;;) {
        if (pos >= src.length) {
          if (quote.length === 3) throw new PySyntaxError('SyntaxError', `unterminated triple-quoted string literal (detected at line ${line})`, startLine, startPos - startLineStart);
          throw new PySyntaxError('SyntaxError', `unterminated string literal (detected at line ${startLine})`, startLine, startPos - startLineStart);
        }
        const ch = src[pos];
        if (src.startsWith(quote, pos)) { pos += quote.length; break; }
        if (ch === '\n') {
          if (quote.length === 1) throw new PySyntaxError('SyntaxError', `unterminated string literal (detected at line ${startLine})`, startLine, startPos - startLineStart);
          body += ch; pos++; line++; lineStart = pos; continue;
        }
        if (ch === '\\') {
          const next = src[pos + 1];
          if (next === '\n') {
            if (raw) body += '\\\n';
            pos += 2; line++; lineStart = pos; continue;
          }
          body += ch + (next ?? '');
          pos += 2;
          continue;
        }
        body += ch; pos++;
      }
      const value = raw || prefix.includes('f') ? body : decodeEscapes(body, startLine);
      push('STRING', value, startPos, startLine, startLineStart, { prefix });
      continue;
    }
    // Numbers.
    const numMatch = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/.exec(src.slice(pos, pos + 400));
    if (numMatch && (/\d/.test(c) || (c === '.' && /\d/.test(src[pos + 1] ?? '')))) {
      pos += numMatch[0].length;
      if (isIdStart(src[pos] ?? '')) throw new PySyntaxError('SyntaxError', 'invalid decimal literal', line, pos - lineStart);
      push('NUMBER', numMatch[0], startPos, startLine, startLineStart);
      continue;
    }
    if (isIdStart(c)) {
      pos++;
      while (pos < src.length && isIdChar(src[pos])) pos++;
      push('NAME', src.slice(startPos, pos).normalize('NFKC'), startPos, startLine, startLineStart);
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, pos));
    if (op) {
      pos += op.length;
      if (op === '(' || op === '[' || op === '{') { depth++; brackets.push({ ch: op, line: startLine, col: startPos - startLineStart }); }
      if (op === ')' || op === ']' || op === '}') {
        const open = brackets.pop();
        if (!open) throw new PySyntaxError('SyntaxError', `unmatched '${op}'`, startLine, startPos - startLineStart);
        const want = open.ch === '(' ? ')' : open.ch === '[' ? ']' : '}';
        if (want !== op) {
          const msg = open.line === startLine
            ? `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`
            : `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}' on line ${open.line}`;
          throw new PySyntaxError('SyntaxError', msg, startLine, startPos - startLineStart);
        }
        depth--;
      }
      push('OP', op, startPos, startLine, startLineStart);
      continue;
    }
    if (c === '!' ) throw new PySyntaxError('SyntaxError', 'invalid syntax', line, pos - lineStart);
    if (c === '$' || c === '?' || c === '`') throw new PySyntaxError('SyntaxError', 'invalid syntax', line, pos - lineStart);
    const cp = c.codePointAt(0) ?? 0;
    throw new PySyntaxError('SyntaxError', `invalid character '${String.fromCodePoint(src.codePointAt(pos) ?? cp)}' (U+${(src.codePointAt(pos) ?? cp).toString(16).toUpperCase().padStart(4, '0')})`, line, pos - lineStart);
  }
  if (brackets.length) {
    const open = brackets[brackets.length - 1];
    throw new PySyntaxError('SyntaxError', `'${open.ch}' was never closed`, open.line, open.col);
  }
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'NEWLINE' && last.kind !== 'DEDENT' && last.kind !== 'INDENT') {
    tokens.push({ kind: 'NEWLINE', value: '', line, col: pos - lineStart, endLine: line, endCol: pos - lineStart });
  }
  while (indents.length > 1) {
    indents.pop();
    tokens.push({ kind: 'DEDENT', value: '', line, col: 0, endLine: line, endCol: 0 });
  }
  tokens.push({ kind: 'EOF', value: '', line, col: 0, endLine: line, endCol: 0 });
  return tokens;
}

/** Decodes the backslash escapes of a non-raw string literal body. */
export function decodeEscapes(body: string, line: number): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') { out += ch; continue; }
    const n = body[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let digits = n;
        while (digits.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) digits += body[++i];
        out += String.fromCharCode(parseInt(digits, 8));
        break;
      }
      case 'x': case 'u': case 'U': {
        const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const hex = body.slice(i + 1, i + 1 + len);
        if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
          throw new PySyntaxError('SyntaxError', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + hex.length}: truncated \\${n}${'X'.repeat(len)} escape`, line, 0);
        }
        out += String.fromCodePoint(parseInt(hex, 16));
        i += len;
        break;
      }
      case 'N': {
        const end = body.indexOf('}', i);
        throw new PySyntaxError('SyntaxError', `\\N{...} escapes are not supported by Backprop Lens (${body.slice(i - 1, end + 1)})`, line, 0);
      }
      default:
        // Unknown escapes are kept as written (CPython only warns).
        out += '\\' + (n ?? '');
    }
  }
  return out;
}
