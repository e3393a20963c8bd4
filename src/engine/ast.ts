// The syntax tree. Node kinds follow CPython's `ast` module names; every node keeps its source span.

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Expr =
  | ({ kind: 'Name'; id: string; scope?: NameScope; hops?: number } & Span)
  | ({ kind: 'Constant'; value: ConstValue } & Span)
  | ({ kind: 'JoinedStr'; parts: (string | FormattedValue)[] } & Span)
  | ({ kind: 'BinOp'; op: BinOperator; left: Expr; right: Expr } & Span)
  | ({ kind: 'UnaryOp'; op: 'not' | '-' | '+' | '~'; operand: Expr } & Span)
  | ({ kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] } & Span)
  | ({ kind: 'Compare'; left: Expr; ops: CmpOperator[]; comparators: Expr[] } & Span)
  | ({ kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] } & Span)
  | ({ kind: 'Attribute'; value: Expr; attr: string } & Span)
  | ({ kind: 'Subscript'; value: Expr; index: Expr } & Span)
  | ({ kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null } & Span)
  | ({ kind: 'Starred'; value: Expr } & Span)
  | ({ kind: 'Tuple'; elts: Expr[] } & Span)
  | ({ kind: 'List'; elts: Expr[] } & Span)
  | ({ kind: 'Set'; elts: Expr[] } & Span)
  | ({ kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] } & Span)
  | ({ kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr } & Span)
  | ({ kind: 'Lambda'; fn: FunctionInfo } & Span)
  | ({ kind: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[]; fn: FunctionInfo } & Span)
  | ({ kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[]; fn: FunctionInfo } & Span)
  | ({ kind: 'NamedExpr'; target: Expr; value: Expr } & Span)
  | ({ kind: 'Yield'; value: Expr | null } & Span);

export type ConstValue = null | boolean | bigint | number | string | { ellipsis: true } | { imag: number };

export type BinOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '&' | '|' | '^';
export type CmpOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

export interface FormattedValue {
  value: Expr;
  conversion: 's' | 'r' | 'a' | null;
  /** The format spec, itself an f-string (it may contain `{width}`), or null. */
  spec: Expr | null;
  /** `f'{x=}'`: the text printed before the value. */
  selfDoc?: string;
}

export interface Keyword {
  /** null for `**mapping`. */
  name: string | null;
  value: Expr;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

/** How a name is resolved, decided once by the resolver. */
export type NameScope = 'local' | 'global' | 'free' | 'class' | 'module';

export interface Param {
  name: string;
  default: Expr | null;
  kind: 'positional' | 'vararg' | 'keywordonly' | 'kwarg';
}

/** What a function, lambda or comprehension needs at run time, filled in by parser and resolver. */
export interface FunctionInfo {
  name: string;
  params: Param[];
  body: Stmt[];
  /** For lambdas: the expression. */
  expr?: Expr;
  /** Names bound in this function (parameters first). */
  locals: Set<string>;
  globals: Set<string>;
  nonlocals: Set<string>;
  isGenerator: boolean;
  /** The docstring, when the body starts with a string literal. */
  doc?: string;
  /** Class bodies resolve names through their namespace first and are skipped by inner functions. */
  isClass: boolean;
  isModule: boolean;
  line: number;
}

export type Stmt =
  | ({ kind: 'Expr'; value: Expr } & Span)
  | ({ kind: 'Assign'; targets: Expr[]; value: Expr } & Span)
  | ({ kind: 'AugAssign'; target: Expr; op: BinOperator; value: Expr } & Span)
  | ({ kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null } & Span)
  | ({ kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] } & Span)
  | ({ kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] } & Span)
  | ({ kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] } & Span)
  | ({ kind: 'Break' | 'Continue' | 'Pass' } & Span)
  | ({ kind: 'Return'; value: Expr | null } & Span)
  | ({ kind: 'FunctionDef'; name: string; fn: FunctionInfo; decorators: Expr[] } & Span)
  | ({ kind: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] } & Span)
  | ({ kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] } & Span)
  | ({ kind: 'Raise'; exc: Expr | null; cause: Expr | null } & Span)
  | ({ kind: 'Assert'; test: Expr; msg: Expr | null } & Span)
  | ({ kind: 'Import'; names: { name: string; asname: string | null }[] } & Span)
  | ({ kind: 'ImportFrom'; module: string; level: number; names: { name: string; asname: string | null }[] } & Span)
  | ({ kind: 'Global' | 'Nonlocal'; names: string[] } & Span)
  | ({ kind: 'Delete'; targets: Expr[] } & Span)
  | ({ kind: 'With'; items: { context: Expr; target: Expr | null }[]; body: Stmt[] } & Span);

export interface ExceptHandler extends Span {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Module {
  body: Stmt[];
  /** Module-level code as a function-like record (its names are globals). */
  fn: FunctionInfo;
}
