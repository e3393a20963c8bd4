// Parser: tokens → syntax tree, by recursive descent over Python's grammar.
// It also records, per function, which names are bound where (locals, globals, nonlocals),
// so that the interpreter can resolve each name by Python's LEGB rule.

import type {
  BinOperator, CmpOperator, Comprehension, ExceptHandler, Expr, FormattedValue, FunctionInfo, Keyword, Module, Param, Span, Stmt,
} from './ast';
import { decodeEscapes, PySyntaxError, tokenize, type Token } from './lexer';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

const AUG_OPS: Record<string, BinOperator> = {
  '+=': '+', '-=': '-', '*=': '*', '/=': '/', '//=': '//', '%=': '%', '**=': '**', '@=': '@', '<<=': '<<', '>>=': '>>', '&=': '&', '|=': '|', '^=': '^',
};

function newFunction(name: string, line: number, kind: 'function' | 'class' | 'module' = 'function'): FunctionInfo {
  return {
    name, params: [], body: [], locals: new Set(), globals: new Set(), nonlocals: new Set(),
    isGenerator: false, isClass: kind === 'class', isModule: kind === 'module', line,
  };
}

export function parseModule(source: string): Module {
  return new Parser(tokenize(source)).parseFile();
}

/** Parses one expression (used for f-string fields). */
export function parseExpression(source: string, line: number, fn: FunctionInfo): Expr {
  const tokens = tokenize(source.trim() ? `(${source})` : source).map((t) => ({ ...t, line: t.line + line - 1, endLine: t.endLine + line - 1 }));
  const p = new Parser(tokens);
  p.fnStack.push(fn);
  if (tokens[0].kind === 'NEWLINE' || tokens[0].kind === 'EOF') throw new PySyntaxError('SyntaxError', "f-string: empty expression not allowed", line, 0);
  const e = p.parseTestListStarExpr();
  p.expectKind('NEWLINE');
  return e;
}

class Parser {
  private pos = 0;
  readonly fnStack: FunctionInfo[] = [];

  constructor(private readonly tokens: Token[]) {}

  // ---- token helpers ----
  private get tok(): Token { return this.tokens[this.pos]; }
  private peek(n = 1): Token { return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)]; }
  private next(): Token { return this.tokens[this.pos++]; }
  private isOp(v: string): boolean { const t = this.tok; return t.kind === 'OP' && t.value === v; }
  private isKw(v: string): boolean { const t = this.tok; return t.kind === 'NAME' && t.value === v; }
  private eatOp(v: string): boolean { if (this.isOp(v)) { this.pos++; return true; } return false; }
  private eatKw(v: string): boolean { if (this.isKw(v)) { this.pos++; return true; } return false; }
  private get fn(): FunctionInfo { return this.fnStack[this.fnStack.length - 1]; }

  private error(msg = 'invalid syntax', t: Token = this.tok): never {
    if (t.kind === 'INDENT') throw new PySyntaxError('IndentationError', 'unexpected indent', t.line, t.col);
    if (t.kind === 'DEDENT' && msg === 'invalid syntax') throw new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', t.line, t.col);
    throw new PySyntaxError('SyntaxError', msg, t.line, t.col);
  }

  private expectOp(v: string): Token {
    if (!this.isOp(v)) {
      if (v === ':' ) this.error("expected ':'", this.tok.kind === 'NEWLINE' ? this.tokens[this.pos - 1] : this.tok);
      this.error();
    }
    return this.next();
  }

  expectKind(kind: Token['kind']): Token {
    if (this.tok.kind !== kind) this.error();
    return this.next();
  }

  private expectName(): Token {
    const t = this.tok;
    if (t.kind !== 'NAME' || KEYWORDS.has(t.value)) this.error();
    return this.next();
  }

  private span(start: Token, end: Token = this.tokens[this.pos - 1]): Span {
    return { line: start.line, col: start.col, endLine: end.endLine, endCol: end.endCol };
  }

  private spanOf(a: Span, b: Span): Span {
    return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
  }

  // ---- binding ----
  private bind(name: string): void {
    const fn = this.fn;
    if (!fn.globals.has(name) && !fn.nonlocals.has(name)) fn.locals.add(name);
  }

  private bindTarget(e: Expr): void {
    switch (e.kind) {
      case 'Name': this.bind(e.id); break;
      case 'Tuple': case 'List': for (const x of e.elts) this.bindTarget(x); break;
      case 'Starred': this.bindTarget(e.value); break;
      case 'Attribute': case 'Subscript': break;
      default: this.invalidTarget(e);
    }
  }

  private invalidTarget(e: Expr, aug = false): never {
    const what: Record<string, string> = {
      Call: 'function call', Constant: 'literal', BinOp: 'expression', UnaryOp: 'expression', BoolOp: 'expression', Compare: 'comparison',
      Lambda: 'lambda', IfExp: 'conditional expression', ListComp: 'list comprehension', DictComp: 'dict comprehension',
      SetComp: 'set comprehension', GeneratorExp: 'generator expression', JoinedStr: 'f-string expression', Dict: 'dict literal', Set: 'set display',
    };
    const name = e.kind === 'Constant' && (e.value === null || typeof e.value === 'boolean') ? String(e.value === null ? 'None' : e.value ? 'True' : 'False') : (what[e.kind] ?? 'expression');
    if (aug) throw new PySyntaxError('SyntaxError', `'${name}' is an illegal expression for augmented assignment`, e.line, e.col);
    const hint = e.kind === 'Call' || e.kind === 'Compare' || e.kind === 'BinOp' ? " here. Maybe you meant '==' instead of '='?" : '';
    throw new PySyntaxError('SyntaxError', `cannot assign to ${name}${hint}`, e.line, e.col);
  }

  // ---- file and blocks ----
  parseFile(): Module {
    const fn = newFunction('<module>', 1, 'module');
    this.fnStack.push(fn);
    const body: Stmt[] = [];
    while (this.tok.kind !== 'EOF') {
      if (this.tok.kind === 'NEWLINE') { this.pos++; continue; }
      if (this.tok.kind === 'INDENT') this.error();
      body.push(...this.parseStatement());
    }
    fn.body = body;
    return { body, fn };
  }

  /** A block after ':': simple statements on the same line, or an indented suite. */
  private parseBlock(what: string, headerLine: number): Stmt[] {
    if (this.tok.kind !== 'NEWLINE') return this.parseSimpleStatements();
    this.pos++;
    const t = this.peek(0);
    if (t.kind !== 'INDENT') {
      throw new PySyntaxError('IndentationError', `expected an indented block after ${what} on line ${headerLine}`, t.line, t.col);
    }
    this.pos++;
    const body: Stmt[] = [];
    while (this.peek(0).kind !== 'DEDENT' && this.peek(0).kind !== 'EOF') {
      if (this.peek(0).kind === 'NEWLINE') { this.pos++; continue; }
      if (this.peek(0).kind === 'INDENT') this.error();
      body.push(...this.parseStatement());
    }
    if (this.peek(0).kind === 'DEDENT') this.pos++;
    return body;
  }

  private parseStatement(): Stmt[] {
    const t = this.tok;
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'if': return [this.parseIf()];
        case 'while': return [this.parseWhile()];
        case 'for': return [this.parseFor()];
        case 'def': return [this.parseDef([])];
        case 'class': return [this.parseClass([])];
        case 'try': return [this.parseTry()];
        case 'with': return [this.parseWith()];
        case 'async': return this.error("'async' is not supported by Backprop Lens");
        case 'match': {
          // `match` is a soft keyword: a statement only when a subject and ':' follow on the line.
          const next = this.peek();
          const lineEnd = this.tokens.findIndex((x, i) => i > this.pos && x.kind === 'NEWLINE');
          const last = this.tokens[lineEnd - 1];
          if (next.line === t.line && !(next.kind === 'OP' && ['=', '.', '(', '[', ',', ')'].includes(next.value)) && last?.kind === 'OP' && last.value === ':') {
            this.error("the 'match' statement is not supported by Backprop Lens", t);
          }
        }
      }
    }
    if (t.kind === 'OP' && t.value === '@') return [this.parseDecorated()];
    return this.parseSimpleStatements();
  }

  private parseSimpleStatements(): Stmt[] {
    const out: Stmt[] = [this.parseSmallStatement()];
    while (this.eatOp(';')) {
      if (this.tok.kind === 'NEWLINE') break;
      out.push(this.parseSmallStatement());
    }
    if (this.tok.kind !== 'NEWLINE') {
      const t = this.tok;
      if (t.kind === 'EOF') return out;
      const last = out[out.length - 1];
      // Python 2's `print x`: CPython 3.11 names the missing parentheses.
      if (last.kind === 'Expr' && last.value.kind === 'Name' && (last.value.id === 'print' || last.value.id === 'exec') && this.startsExpression(t)) {
        const id = last.value.id;
        throw new PySyntaxError('SyntaxError', `Missing parentheses in call to '${id}'. Did you mean ${id}(...)?`, last.line, last.col);
      }
      this.error('invalid syntax', t);
    }
    this.pos++;
    return out;
  }

  private startsExpression(t: Token): boolean {
    if (t.kind === 'NAME') return !KEYWORDS.has(t.value) || ['None', 'True', 'False', 'not', 'lambda'].includes(t.value);
    if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
    return t.kind === 'OP' && ['[', '{', '-', '+', '~', '...'].includes(t.value);
  }

  private parseSmallStatement(): Stmt {
    const t = this.tok;
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'pass': this.pos++; return { kind: 'Pass', ...this.span(t) };
        case 'break': this.pos++; return { kind: 'Break', ...this.span(t) };
        case 'continue': this.pos++; return { kind: 'Continue', ...this.span(t) };
        case 'return': {
          this.pos++;
          if (this.fn.isModule || this.fn.isClass) throw new PySyntaxError('SyntaxError', "'return' outside function", t.line, t.col);
          const value = this.atStatementEnd() ? null : this.parseTestListStarExpr();
          return { kind: 'Return', value, ...this.span(t) };
        }
        case 'raise': {
          this.pos++;
          let exc: Expr | null = null;
          let cause: Expr | null = null;
          if (!this.atStatementEnd()) {
            exc = this.parseTest();
            if (this.eatKw('from')) cause = this.parseTest();
          }
          return { kind: 'Raise', exc, cause, ...this.span(t) };
        }
        case 'global': case 'nonlocal': {
          this.pos++;
          const names = [this.expectName().value];
          while (this.eatOp(',')) names.push(this.expectName().value);
          for (const n of names) {
            if (t.value === 'global') this.fn.globals.add(n); else {
              if (this.fn.isModule) throw new PySyntaxError('SyntaxError', 'nonlocal declaration not allowed at module level', t.line, t.col);
              this.fn.nonlocals.add(n);
            }
            this.fn.locals.delete(n);
          }
          return { kind: t.value === 'global' ? 'Global' : 'Nonlocal', names, ...this.span(t) };
        }
        case 'del': {
          this.pos++;
          const targets = [this.parseOrTest()];
          while (this.eatOp(',')) { if (this.atStatementEnd()) break; targets.push(this.parseOrTest()); }
          for (const e of targets) this.bindTarget(e);
          return { kind: 'Delete', targets, ...this.span(t) };
        }
        case 'assert': {
          this.pos++;
          const test = this.parseTest();
          const msg = this.eatOp(',') ? this.parseTest() : null;
          return { kind: 'Assert', test, msg, ...this.span(t) };
        }
        case 'import': return this.parseImport();
        case 'from': return this.parseFromImport();
      }
    }
    return this.parseExprStatement();
  }

  private atStatementEnd(): boolean {
    const t = this.tok;
    return t.kind === 'NEWLINE' || t.kind === 'EOF' || (t.kind === 'OP' && t.value === ';');
  }

  private parseDottedName(): string {
    let name = this.expectName().value;
    while (this.eatOp('.')) name += '.' + this.expectName().value;
    return name;
  }

  private parseImport(): Stmt {
    const t = this.next();
    const names: { name: string; asname: string | null }[] = [];
    do {
      const name = this.parseDottedName();
      const asname = this.eatKw('as') ? this.expectName().value : null;
      names.push({ name, asname });
      this.bind(asname ?? name.split('.')[0]);
    } while (this.eatOp(','));
    return { kind: 'Import', names, ...this.span(t) };
  }

  private parseFromImport(): Stmt {
    const t = this.next();
    let level = 0;
    while (this.isOp('.') || this.isOp('...')) { level += this.tok.value.length; this.pos++; }
    const module = this.isKw('import') ? '' : this.parseDottedName();
    if (!this.eatKw('import')) this.error();
    const names: { name: string; asname: string | null }[] = [];
    if (this.eatOp('*')) {
      if (!this.fn.isModule) throw new PySyntaxError('SyntaxError', 'import * only allowed at module level', t.line, t.col);
      names.push({ name: '*', asname: null });
    } else {
      const paren = this.eatOp('(');
      do {
        if (paren && this.isOp(')')) break;
        const name = this.expectName().value;
        const asname = this.eatKw('as') ? this.expectName().value : null;
        names.push({ name, asname });
        this.bind(asname ?? name);
      } while (this.eatOp(','));
      if (paren) this.expectOp(')');
    }
    return { kind: 'ImportFrom', module, level, names, ...this.span(t) };
  }

  private parseExprStatement(): Stmt {
    const start = this.tok;
    if (this.isKw('yield')) {
      if (this.fn.isModule || this.fn.isClass) throw new PySyntaxError('SyntaxError', "'yield' outside function", start.line, start.col);
      return { kind: 'Expr', value: this.parseYield(), ...this.span(start) };
    }
    const first = this.parseTestListStarExpr();
    const aug = this.tok.kind === 'OP' ? AUG_OPS[this.tok.value] : undefined;
    if (aug) {
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') this.invalidTarget(first, true);
      this.pos++;
      const value = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
      this.bindTarget(first);
      return { kind: 'AugAssign', target: first, op: aug, value, ...this.span(start) };
    }
    if (this.isOp(':')) {
      this.pos++;
      const annotation = this.parseTest();
      const value = this.eatOp('=') ? this.parseTestListStarExpr() : null;
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
        throw new PySyntaxError('SyntaxError', 'only single target (not tuple) can be annotated', first.line, first.col);
      }
      if (value) this.bindTarget(first);
      return { kind: 'AnnAssign', target: first, annotation, value, ...this.span(start) };
    }
    if (this.isOp('=')) {
      const targets = [first];
      let value: Expr = first;
      while (this.eatOp('=')) {
        value = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
        targets.push(value);
      }
      targets.pop();
      for (const target of targets) this.bindTarget(target);
      return { kind: 'Assign', targets, value, ...this.span(start) };
    }
    return { kind: 'Expr', value: first, ...this.span(start) };
  }

  // ---- compound statements ----
  private parseIf(keyword = 'if'): Stmt {
    const t = this.next();
    const test = this.parseNamedExprTest();
    this.expectOp(':');
    const body = this.parseBlock(`'${keyword}' statement`, t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) {
      orelse = [this.parseIf('elif')];
    } else if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      orelse = this.parseBlock("'else' statement", e.line);
    }
    return { kind: 'If', test, body, orelse, ...this.span(t) };
  }

  private parseWhile(): Stmt {
    const t = this.next();
    const test = this.parseNamedExprTest();
    this.expectOp(':');
    const body = this.parseBlock("'while' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); this.expectOp(':'); orelse = this.parseBlock("'else' statement", e.line); }
    return { kind: 'While', test, body, orelse, ...this.span(t) };
  }

  private parseFor(): Stmt {
    const t = this.next();
    const target = this.parseTargetList();
    this.bindTarget(target);
    if (!this.eatKw('in')) this.error();
    const iter = this.parseTestListStarExpr();
    this.expectOp(':');
    const body = this.parseBlock("'for' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); this.expectOp(':'); orelse = this.parseBlock("'else' statement", e.line); }
    return { kind: 'For', target, iter, body, orelse, ...this.span(t) };
  }

  /** `for` targets: expressions up to `in`, without comparisons (so `in` is not taken as an operator). */
  private parseTargetList(): Expr {
    const start = this.tok;
    const elts: Expr[] = [];
    let sawComma = false;
    for (;;) {
      elts.push(this.isOp('*') ? this.parseStarExpr() : this.parseBitOr());
      if (!this.eatOp(',')) break;
      sawComma = true;
      if (this.isKw('in')) break;
    }
    if (elts.length === 1 && !sawComma) return elts[0];
    return { kind: 'Tuple', elts, ...this.span(start) };
  }

  private parseTry(): Stmt {
    const t = this.next();
    this.expectOp(':');
    const body = this.parseBlock("'try' statement", t.line);
    const handlers: ExceptHandler[] = [];
    while (this.isKw('except')) {
      const e = this.next();
      let type: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        type = this.parseTest();
        if (this.isOp(',')) {
          const start = type;
          const elts = [type];
          while (this.eatOp(',')) elts.push(this.parseTest());
          if (!this.isKw('as')) type = { kind: 'Tuple', elts, ...this.spanOf(start, elts[elts.length - 1]) };
          else throw new PySyntaxError('SyntaxError', 'multiple exception types must be parenthesized', start.line, start.col);
        }
        if (this.eatKw('as')) { name = this.expectName().value; this.bind(name); }
      }
      this.expectOp(':');
      handlers.push({ type, name, body: this.parseBlock("'except' statement", e.line), ...this.span(e) });
    }
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    if (this.isKw('else')) {
      const e = this.next();
      if (!handlers.length) this.error('invalid syntax', e);
      this.expectOp(':');
      orelse = this.parseBlock("'else' statement", e.line);
    }
    if (this.isKw('finally')) { const e = this.next(); this.expectOp(':'); finalbody = this.parseBlock("'finally' statement", e.line); }
    if (!handlers.length && !finalbody.length) throw new PySyntaxError('SyntaxError', "expected 'except' or 'finally' block", this.tok.line, this.tok.col);
    return { kind: 'Try', body, handlers, orelse, finalbody, ...this.span(t) };
  }

  private parseWith(): Stmt {
    const t = this.next();
    const items: { context: Expr; target: Expr | null }[] = [];
    do {
      const context = this.parseTest();
      let target: Expr | null = null;
      if (this.eatKw('as')) { target = this.parseBitOr(); this.bindTarget(target); }
      items.push({ context, target });
    } while (this.eatOp(','));
    this.expectOp(':');
    const body = this.parseBlock("'with' statement", t.line);
    return { kind: 'With', items, body, ...this.span(t) };
  }

  private parseDecorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eatOp('@')) {
      decorators.push(this.parseNamedExprTest());
      this.expectKind('NEWLINE');
    }
    if (this.isKw('def')) return this.parseDef(decorators);
    if (this.isKw('class')) return this.parseClass(decorators);
    this.error();
  }

  private parseDef(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.expectName().value;
    this.bind(name);
    const fn = newFunction(name, t.line);
    this.expectOp('(');
    fn.params = this.parseParams(')', fn);
    this.expectOp(')');
    if (this.eatOp('->')) this.parseTest();
    this.expectOp(':');
    this.fnStack.push(fn);
    fn.body = this.parseBlock('function definition', t.line);
    fn.doc = docstring(fn.body);
    this.fnStack.pop();
    return { kind: 'FunctionDef', name, fn, decorators, ...this.span(t) };
  }

  /** Parameters of a def (closing ')') or a lambda (closing ':'). Defaults are evaluated in the enclosing scope. */
  private parseParams(close: string, fn: FunctionInfo): Param[] {
    const params: Param[] = [];
    let seenStar = false;
    let seenDefault = false;
    while (!this.isOp(close)) {
      if (this.eatOp('**')) {
        const n = this.expectName().value;
        if (this.isOp(':') && close === ')') { this.pos++; this.parseTest(); }
        params.push({ name: n, default: null, kind: 'kwarg' });
      } else if (this.eatOp('*')) {
        seenStar = true;
        if (this.isOp(',') || this.isOp(close)) { /* bare * */ } else {
          const n = this.expectName().value;
          if (this.isOp(':') && close === ')') { this.pos++; this.parseTest(); }
          params.push({ name: n, default: null, kind: 'vararg' });
        }
      } else if (this.eatOp('/')) {
        // positional-only marker: accepted, treated as ordinary positionals.
      } else {
        const nt = this.expectName();
        if (this.isOp(':') && close === ')') { this.pos++; this.parseTest(); }
        let def: Expr | null = null;
        if (this.eatOp('=')) { def = this.parseTest(); seenDefault = true; } else if (seenDefault && !seenStar) {
          throw new PySyntaxError('SyntaxError', 'non-default argument follows default argument', nt.line, nt.col);
        }
        if (params.some((p) => p.name === nt.value)) throw new PySyntaxError('SyntaxError', `duplicate argument '${nt.value}' in function definition`, nt.line, nt.col);
        params.push({ name: nt.value, default: def, kind: seenStar ? 'keywordonly' : 'positional' });
      }
      if (!this.eatOp(',')) break;
    }
    for (const p of params) fn.locals.add(p.name);
    return params;
  }

  private parseClass(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.expectName().value;
    this.bind(name);
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.eatOp('(')) {
      ({ args: bases, keywords } = this.parseCallArgs());
      this.expectOp(')');
    }
    this.expectOp(':');
    const fn = newFunction(name, t.line, 'class');
    this.fnStack.push(fn);
    const body = this.parseBlock('class definition', t.line);
    this.fnStack.pop();
    return { kind: 'ClassDef', name, bases, keywords, body, decorators, ...this.span(t) };
  }

  // ---- expressions ----
  /** testlist_star_expr: a tuple when there is a comma. */
  parseTestListStarExpr(): Expr {
    const start = this.tok;
    const first = this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest();
    if (!this.isOp(',')) {
      if (first.kind === 'Starred') throw new PySyntaxError('SyntaxError', "can't use starred expression here", first.line, first.col);
      return first;
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.atExprListEnd()) break;
      elts.push(this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest());
    }
    return { kind: 'Tuple', elts, ...this.span(start) };
  }

  private atExprListEnd(): boolean {
    const t = this.tok;
    if (t.kind === 'NEWLINE' || t.kind === 'EOF') return true;
    return t.kind === 'OP' && ['=', ')', ']', '}', ';', ':'].includes(t.value) || (t.kind === 'OP' && AUG_OPS[t.value] !== undefined);
  }

  private parseStarExpr(): Expr {
    const t = this.next();
    const value = this.parseBitOr();
    return { kind: 'Starred', value, ...this.span(t) };
  }

  private parseYield(): Expr {
    const t = this.next();
    this.fn.isGenerator = true;
    const value = this.atExprListEnd() ? null : this.parseTestListStarExpr();
    return { kind: 'Yield', value, ...this.span(t) };
  }

  private parseNamedExprTest(): Expr {
    if (this.tok.kind === 'NAME' && this.peek().kind === 'OP' && this.peek().value === ':=') {
      const t = this.next();
      this.pos++;
      const value = this.parseTest();
      const target: Expr = { kind: 'Name', id: t.value, ...this.span(t, t) };
      // The walrus binds in the nearest enclosing function, skipping comprehensions.
      const owner = [...this.fnStack].reverse().find((f) => !f.name.startsWith('<') || f.isModule) ?? this.fn;
      if (!owner.globals.has(t.value) && !owner.nonlocals.has(t.value)) owner.locals.add(t.value);
      return { kind: 'NamedExpr', target, value, ...this.span(t) };
    }
    return this.parseTest();
  }

  parseTest(): Expr {
    if (this.isKw('lambda')) return this.parseLambda();
    const start = this.tok;
    const body = this.parseOrTest();
    if (this.isKw('if') ) {
      this.pos++;
      const test = this.parseOrTest();
      if (!this.eatKw('else')) this.error("expected 'else' after 'if' expression");
      const orelse = this.parseTest();
      return { kind: 'IfExp', test, body, orelse, ...this.span(start) };
    }
    return body;
  }


  private parseLambda(): Expr {
    const t = this.next();
    const fn = newFunction('<lambda>', t.line);
    fn.params = this.parseParams(':', fn);
    this.expectOp(':');
    this.fnStack.push(fn);
    fn.expr = this.parseTest();
    this.fnStack.pop();
    return { kind: 'Lambda', fn, ...this.span(t) };
  }

  private parseOrTest(): Expr {
    const start = this.tok;
    const first = this.parseAndTest();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.parseAndTest());
    return { kind: 'BoolOp', op: 'or', values, ...this.span(start) };
  }

  private parseAndTest(): Expr {
    const start = this.tok;
    const first = this.parseNotTest();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.parseNotTest());
    return { kind: 'BoolOp', op: 'and', values, ...this.span(start) };
  }

  private parseNotTest(): Expr {
    if (this.isKw('not')) {
      const t = this.next();
      const operand = this.parseNotTest();
      return { kind: 'UnaryOp', op: 'not', operand, ...this.span(t) };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const start = this.tok;
    const left = this.parseBitOr();
    const ops: CmpOperator[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const t = this.tok;
      let op: CmpOperator | null = null;
      if (t.kind === 'OP' && ['<', '>', '==', '>=', '<=', '!='].includes(t.value)) { op = t.value as CmpOperator; this.pos++; }
      else if (this.isKw('in')) { op = 'in'; this.pos++; }
      else if (this.isKw('not') && this.peek().kind === 'NAME' && this.peek().value === 'in') { op = 'not in'; this.pos += 2; }
      else if (this.isKw('is')) { this.pos++; op = this.eatKw('not') ? 'is not' : 'is'; }
      if (!op) break;
      ops.push(op);
      comparators.push(this.parseBitOr());
    }
    if (!ops.length) return left;
    return { kind: 'Compare', left, ops, comparators, ...this.span(start) };
  }

  private binaryLevel(ops: string[], sub: () => Expr): Expr {
    const start = this.tok;
    let left = sub();
    while (this.tok.kind === 'OP' && ops.includes(this.tok.value)) {
      const op = this.next().value as BinOperator;
      const right = sub();
      left = { kind: 'BinOp', op, left, right, ...this.span(start) };
    }
    return left;
  }

  private parseBitOr = (): Expr => this.binaryLevel(['|'], this.parseBitXor);
  private parseBitXor = (): Expr => this.binaryLevel(['^'], this.parseBitAnd);
  private parseBitAnd = (): Expr => this.binaryLevel(['&'], this.parseShift);
  private parseShift = (): Expr => this.binaryLevel(['<<', '>>'], this.parseArith);
  private parseArith = (): Expr => this.binaryLevel(['+', '-'], this.parseTerm);
  private parseTerm = (): Expr => this.binaryLevel(['*', '/', '//', '%', '@'], this.parseFactor);

  private parseFactor = (): Expr => {
    const t = this.tok;
    if (t.kind === 'OP' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.pos++;
      const operand = this.parseFactor();
      // Fold negative numeric literals so that `-5` is a constant, as CPython's optimizer does.
      if (t.value === '-' && operand.kind === 'Constant' && (typeof operand.value === 'bigint' || typeof operand.value === 'number')) {
        return { kind: 'Constant', value: -operand.value, ...this.span(t) };
      }
      return { kind: 'UnaryOp', op: t.value as '-' | '+' | '~', operand, ...this.span(t) };
    }
    return this.parsePower();
  };

  private parsePower(): Expr {
    const start = this.tok;
    if (this.isKw('await')) this.error("'await' is not supported by Backprop Lens");
    const base = this.parsePrimary();
    if (this.eatOp('**')) {
      const exp = this.parseFactor();
      return { kind: 'BinOp', op: '**', left: base, right: exp, ...this.span(start) };
    }
    return base;
  }

  private parsePrimary(): Expr {
    const start = this.tok;
    let e = this.parseAtom();
    for (;;) {
      if (this.isOp('(')) {
        this.pos++;
        const { args, keywords } = this.parseCallArgs();
        this.expectOp(')');
        e = { kind: 'Call', func: e, args, keywords, ...this.span(start) };
      } else if (this.isOp('[')) {
        this.pos++;
        const index = this.parseSubscriptList();
        this.expectOp(']');
        e = { kind: 'Subscript', value: e, index, ...this.span(start) };
      } else if (this.isOp('.')) {
        this.pos++;
        const name = this.tok;
        if (name.kind !== 'NAME') this.error();
        this.pos++;
        e = { kind: 'Attribute', value: e, attr: name.value, ...this.span(start) };
      } else break;
    }
    return e;
  }

  private parseCallArgs(): { args: Expr[]; keywords: Keyword[] } {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.isOp(')')) {
      const t = this.tok;
      if (this.eatOp('**')) {
        keywords.push({ name: null, value: this.parseTest() });
      } else if (this.isOp('*')) {
        const s = this.next();
        args.push({ kind: 'Starred', value: this.parseTest(), ...this.span(s) });
      } else if (t.kind === 'NAME' && this.peek().kind === 'OP' && this.peek().value === '=') {
        this.pos += 2;
        if (keywords.some((k) => k.name === t.value)) throw new PySyntaxError('SyntaxError', `keyword argument repeated: ${t.value}`, t.line, t.col);
        keywords.push({ name: t.value, value: this.parseTest() });
      } else {
        const value = this.parseNamedExprTest();
        if (this.isKw('for')) {
          args.push(this.parseComprehension('GeneratorExp', value, t));
        } else {
          if (keywords.length && keywords.some((k) => k.name !== null)) {
            throw new PySyntaxError('SyntaxError', 'positional argument follows keyword argument', value.line, value.col);
          }
          if (keywords.length) throw new PySyntaxError('SyntaxError', 'positional argument follows keyword argument unpacking', value.line, value.col);
          args.push(value);
        }
      }
      if (!this.eatOp(',')) break;
    }
    return { args, keywords };
  }

  private parseSubscriptList(): Expr {
    const start = this.tok;
    const first = this.parseSubscript();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.parseSubscript());
    }
    return { kind: 'Tuple', elts, ...this.span(start) };
  }

  private parseSubscript(): Expr {
    const start = this.tok;
    let lower: Expr | null = null;
    if (!this.isOp(':')) {
      lower = this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest();
      if (!this.isOp(':')) return lower;
    }
    this.expectOp(':');
    const upper = this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.parseTest();
    let step: Expr | null = null;
    if (this.eatOp(':')) step = this.isOp(']') || this.isOp(',') ? null : this.parseTest();
    return { kind: 'Slice', lower, upper, step, ...this.span(start) };
  }

  private parseAtom(): Expr {
    const t = this.tok;
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'None': this.pos++; return { kind: 'Constant', value: null, ...this.span(t) };
        case 'True': this.pos++; return { kind: 'Constant', value: true, ...this.span(t) };
        case 'False': this.pos++; return { kind: 'Constant', value: false, ...this.span(t) };
        case 'lambda': return this.parseLambda();
        case 'yield': this.error("'yield' outside function");
      }
      if (KEYWORDS.has(t.value)) this.error();
      this.pos++;
      return { kind: 'Name', id: t.value, ...this.span(t) };
    }
    if (t.kind === 'NUMBER') { this.pos++; return { kind: 'Constant', value: parseNumber(t), ...this.span(t) }; }
    if (t.kind === 'STRING') return this.parseStrings();
    if (t.kind === 'OP') {
      switch (t.value) {
        case '...': this.pos++; return { kind: 'Constant', value: { ellipsis: true }, ...this.span(t) };
        case '(': {
          this.pos++;
          if (this.eatOp(')')) return { kind: 'Tuple', elts: [], ...this.span(t) };
          if (this.isKw('yield')) { const y = this.parseYield(); this.expectOp(')'); return y; }
          const first = this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest();
          if (this.isKw('for')) {
            const g = this.parseComprehension('GeneratorExp', first, t);
            this.expectOp(')');
            return { ...g, ...this.span(t) };
          }
          if (this.eatOp(')')) {
            if (first.kind === 'Starred') throw new PySyntaxError('SyntaxError', 'cannot use starred expression here', first.line, first.col);
            return first;
          }
          const elts = [first];
          while (this.eatOp(',')) {
            if (this.isOp(')')) break;
            elts.push(this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest());
          }
          if (!this.isOp(')')) this.bracketError();
          this.pos++;
          return { kind: 'Tuple', elts, ...this.span(t) };
        }
        case '[': {
          this.pos++;
          if (this.eatOp(']')) return { kind: 'List', elts: [], ...this.span(t) };
          const first = this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest();
          if (this.isKw('for')) {
            const c = this.parseComprehension('ListComp', first, t);
            this.expectOp(']');
            return { ...c, ...this.span(t) };
          }
          const elts = [first];
          while (this.eatOp(',')) {
            if (this.isOp(']')) break;
            elts.push(this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest());
          }
          if (!this.isOp(']')) this.bracketError();
          this.pos++;
          return { kind: 'List', elts, ...this.span(t) };
        }
        case '{': return this.parseBrace();
      }
    }
    if (t.kind === 'INDENT') this.error();
    if (t.kind === 'NEWLINE' || t.kind === 'EOF') this.error('invalid syntax', t);
    this.error();
  }

  /** Inside brackets, two expressions side by side: CPython suggests a missing comma. */
  private bracketError(): never {
    const t = this.tok;
    if (t.kind === 'NAME' || t.kind === 'NUMBER' || t.kind === 'STRING' || (t.kind === 'OP' && (t.value === '(' || t.value === '['))) {
      const prev = this.tokens[this.pos - 1];
      throw new PySyntaxError('SyntaxError', 'invalid syntax. Perhaps you forgot a comma?', prev.line, prev.col);
    }
    this.error();
  }

  private parseBrace(): Expr {
    const t = this.next();
    if (this.eatOp('}')) return { kind: 'Dict', keys: [], values: [], ...this.span(t) };
    if (this.eatOp('**')) {
      const keys: (Expr | null)[] = [null];
      const values: Expr[] = [this.parseBitOr()];
      return this.finishDict(t, keys, values);
    }
    const first = this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest();
    if (this.eatOp(':')) {
      const value = this.parseTest();
      if (this.isKw('for')) {
        const fn = newFunction('<dictcomp>', t.line);
        const generators = this.parseComprehensionClauses(fn);
        this.expectOp('}');
        return { kind: 'DictComp', key: first, value, generators, fn, ...this.span(t) };
      }
      return this.finishDict(t, [first], [value]);
    }
    if (this.isKw('for')) {
      const c = this.parseComprehension('SetComp', first, t);
      this.expectOp('}');
      return { ...c, ...this.span(t) };
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      elts.push(this.isOp('*') ? this.parseStarExpr() : this.parseNamedExprTest());
    }
    if (!this.isOp('}')) this.bracketError();
    this.pos++;
    return { kind: 'Set', elts, ...this.span(t) };
  }

  private finishDict(t: Token, keys: (Expr | null)[], values: Expr[]): Expr {
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (this.eatOp('**')) { keys.push(null); values.push(this.parseBitOr()); continue; }
      keys.push(this.parseTest());
      this.expectOp(':');
      values.push(this.parseTest());
    }
    if (!this.isOp('}')) this.bracketError();
    this.pos++;
    return { kind: 'Dict', keys, values, ...this.span(t) };
  }

  /**
   * Comprehensions run in a scope of their own. The element was parsed before we knew that,
   * in the enclosing scope, which is fine: names are resolved at run time against the
   * comprehension's locals (its targets) first.
   */
  private parseComprehension(kind: 'ListComp' | 'SetComp' | 'GeneratorExp', elt: Expr, start: Token): Expr {
    const fn = newFunction(kind === 'ListComp' ? '<listcomp>' : kind === 'SetComp' ? '<setcomp>' : '<genexpr>', start.line);
    const generators = this.parseComprehensionClauses(fn);
    return { kind, elt, generators, fn, ...this.span(start) };
  }

  private parseComprehensionClauses(fn: FunctionInfo): Comprehension[] {
    const generators: Comprehension[] = [];
    while (this.isKw('for')) {
      this.pos++;
      const target = this.parseTargetList();
      this.fnStack.push(fn);
      this.bindTarget(target);
      this.fnStack.pop();
      if (!this.eatKw('in')) this.error();
      // The first iterable is evaluated in the enclosing scope; later ones inside the comprehension.
      if (generators.length) this.fnStack.push(fn);
      const iter = this.parseOrTest();
      if (generators.length) this.fnStack.pop();
      const ifs: Expr[] = [];
      this.fnStack.push(fn);
      while (this.isKw('if')) { this.pos++; ifs.push(this.parseOrTest()); }
      this.fnStack.pop();
      generators.push({ target, iter, ifs });
    }
    return generators;
  }


  // ---- strings ----
  private parseStrings(): Expr {
    const start = this.tok;
    const parts: (string | FormattedValue)[] = [];
    let isF = false;
    let isBytes = false;
    while (this.tok.kind === 'STRING') {
      const t = this.next();
      const prefix = t.prefix ?? '';
      if (prefix.includes('b')) isBytes = true;
      if (prefix.includes('f')) {
        isF = true;
        parts.push(...this.parseFString(t.value, prefix.includes('r'), t.line));
      } else parts.push(t.value);
    }
    if (isBytes) throw new PySyntaxError('SyntaxError', 'bytes literals are not supported by Backprop Lens', start.line, start.col);
    if (!isF) return { kind: 'Constant', value: parts.join(''), ...this.span(start) };
    const merged: (string | FormattedValue)[] = [];
    for (const p of parts) {
      if (typeof p === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p;
      else if (p !== '') merged.push(p);
    }
    return { kind: 'JoinedStr', parts: merged, ...this.span(start) };
  }

  private parseFString(body: string, raw: boolean, line: number): (string | FormattedValue)[] {
    const parts: (string | FormattedValue)[] = [];
    let lit = '';
    const flush = () => { if (lit) parts.push(raw ? lit : decodeEscapes(lit, line)); lit = ''; };
    let i = 0;
    while (i < body.length) {
      const c = body[i];
      if (c === '{') {
        if (body[i + 1] === '{') { lit += '{'; i += 2; continue; }
        flush();
        const { field, end } = this.parseFField(body, i + 1, line, raw);
        parts.push(field);
        i = end;
        continue;
      }
      if (c === '}') {
        if (body[i + 1] === '}') { lit += '}'; i += 2; continue; }
        throw new PySyntaxError('SyntaxError', "f-string: single '}' is not allowed", line, 0);
      }
      if (c === '\\' && !raw) { lit += body.slice(i, i + 2); i += 2; continue; }
      lit += c;
      i++;
    }
    flush();
    return parts;
  }

  /** Parses `expr[=][!conv][:spec]}` starting after '{'. Returns the index after the closing '}'. */
  private parseFField(body: string, start: number, line: number, raw: boolean): { field: FormattedValue; end: number } {
    let depth = 0;
    let i = start;
    let quote: string | null = null;
    for (; i < body.length; i++) {
      const c = body[i];
      if (quote) { if (c === quote) quote = null; continue; }
      if (c === "'" || c === '"') { quote = c; continue; }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') { if (depth === 0) break; depth--; }
      else if (depth === 0 && (c === ':' || c === '!') && body[i + 1] !== '=') {
        if (c === '!' && body[i + 1] === '=') continue;
        break;
      }
    }
    let exprText = body.slice(start, i);
    let selfDoc: string | undefined;
    const eq = /=\s*$/.exec(exprText);
    if (eq && !/[=!<>]=\s*$/.test(exprText)) {
      selfDoc = exprText;
      exprText = exprText.slice(0, eq.index);
    }
    if (!exprText.trim()) throw new PySyntaxError('SyntaxError', 'f-string: empty expression not allowed', line, 0);
    const value = parseExpression(exprText, line, this.fn);
    let conversion: FormattedValue['conversion'] = null;
    if (body[i] === '!') {
      const conv = body[i + 1];
      if (conv !== 's' && conv !== 'r' && conv !== 'a') throw new PySyntaxError('SyntaxError', "f-string: invalid conversion character: expected 's', 'r', or 'a'", line, 0);
      conversion = conv;
      i += 2;
    }
    let spec: Expr | null = null;
    if (body[i] === ':') {
      // The spec runs to the matching '}', and may hold nested fields.
      let d = 0;
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === '{') d++;
        else if (body[j] === '}') { if (d === 0) break; d--; }
      }
      const specParts = this.parseFString(body.slice(i + 1, j), raw, line);
      spec = { kind: 'JoinedStr', parts: specParts, line, col: 0, endLine: line, endCol: 0 };
      i = j;
    }
    if (body[i] !== '}') throw new PySyntaxError('SyntaxError', "f-string: expecting '}'", line, 0);
    if (selfDoc !== undefined && conversion === null && spec === null) conversion = 'r';
    return { field: { value, conversion, spec, selfDoc }, end: i + 1 };
  }
}

function docstring(body: Stmt[]): string | undefined {
  const s = body[0];
  return s?.kind === 'Expr' && s.value.kind === 'Constant' && typeof s.value.value === 'string' ? s.value.value : undefined;
}

function parseNumber(t: Token): bigint | number | { imag: number } {
  const text = t.value.replace(/_/g, '');
  if (/[jJ]$/.test(text)) return { imag: Number(text.slice(0, -1)) };
  if (/^0[xXoObB]/.test(text)) return BigInt(text.toLowerCase());
  if (/^\d+$/.test(text)) {
    if (text.length > 1 && text[0] === '0' && /[1-9]/.test(text)) {
      throw new PySyntaxError('SyntaxError', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', t.line, t.col);
    }
    return BigInt(text);
  }
  return Number(text);
}
