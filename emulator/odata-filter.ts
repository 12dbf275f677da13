/**
 * A small OData `$filter` parser and evaluator, covering what Microsoft Graph accepts on the resources the emulator
 * serves: comparisons, `in`, `and`/`or`/`not`, parentheses, `startswith`/`endswith`/`contains`, lambda `any`/`all`
 * over collections, property paths (`currentUser/id`) and string, GUID, number, boolean and null literals.
 */

export type Literal = string | number | boolean | null;

/** An operand in a filter: a literal, a property path or a function call. */
export type ValueNode =
  | { kind: 'literal'; value: Literal; guid?: boolean }
  | { kind: 'property'; path: string[] }
  | { kind: 'call'; name: FunctionName; args: ValueNode[] };

/** OData comparison operators. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
/** OData string functions the parser accepts. */
export type FunctionName = 'startswith' | 'endswith' | 'contains' | 'tolower' | 'toupper';

/** A parsed boolean filter expression. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; left: ValueNode; right: ValueNode }
  | { kind: 'in'; left: ValueNode; values: ValueNode[] }
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string[]; variable: string; body: FilterNode | null }
  | { kind: 'bool'; value: ValueNode };

/** Thrown for a `$filter` that does not parse. */
export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
}

type Token =
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'guid'; v: string; pos: number }
  | { t: 'word'; v: string; pos: number }
  | { t: '(' | ')' | ',' | ':' | '/'; pos: number }
  | { t: 'end'; pos: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const WORD = /^[A-Za-z_@][A-Za-z0-9_.@]*/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<string>(['startswith', 'endswith', 'contains', 'tolower', 'toupper']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ t: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new FilterSyntaxError(`Unterminated string literal at position ${i}.`);
        const ch = text[j];
        if (ch === "'") {
          // OData escapes a quote inside a string by doubling it.
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += ch;
        j++;
      }
      tokens.push({ t: 'string', v: value, pos: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const guid = GUID.exec(rest);
    if (guid && !/[0-9A-Za-z_]/.test(rest[guid[0].length] ?? '')) {
      tokens.push({ t: 'guid', v: guid[0].toLowerCase(), pos: i });
      i += guid[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num && !/[A-Za-z_]/.test(rest[num[0].length] ?? '')) {
      tokens.push({ t: 'number', v: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ t: 'word', v: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Unexpected character '${c}' at position ${i}.`);
  }
  tokens.push({ t: 'end', pos: text.length });
  return tokens;
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.orExpr();
    const tok = this.peek();
    if (tok.t !== 'end') throw new FilterSyntaxError(`Unexpected ${describe(tok)} at position ${tok.pos}.`);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] ?? { t: 'end', pos: 0 };
  }

  private next(): Token {
    const tok = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return tok;
  }

  private expect(t: Token['t']): Token {
    const tok = this.next();
    if (tok.t !== t)
      throw new FilterSyntaxError(`Expected '${t}' but found ${describe(tok)} at position ${tok.pos}.`);
    return tok;
  }

  private isWord(word: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok.t === 'word' && tok.v.toLowerCase() === word;
  }

  private orExpr(): FilterNode {
    let left = this.andExpr();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'or', left, right: this.andExpr() };
    }
    return left;
  }

  private andExpr(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', operand: this.unary() };
    }
    return this.comparison();
  }

  private comparison(): FilterNode {
    if (this.peek().t === '(') {
      this.next();
      const inner = this.orExpr();
      this.expect(')');
      return inner;
    }
    const lambda = this.tryLambda();
    if (lambda) return lambda;
    const left = this.value();
    const tok = this.peek();
    if (tok.t === 'word') {
      const op = tok.v.toLowerCase();
      if (COMPARISONS.has(op)) {
        this.next();
        return { kind: 'compare', op: op as ComparisonOperator, left, right: this.value() };
      }
      if (op === 'in') {
        this.next();
        this.expect('(');
        const values: ValueNode[] = [this.value()];
        while (this.peek().t === ',') {
          this.next();
          values.push(this.value());
        }
        this.expect(')');
        return { kind: 'in', left, values };
      }
    }
    if (left.kind === 'literal' && typeof left.value !== 'boolean') {
      throw new FilterSyntaxError(`Expected a comparison operator after the literal at position ${tok.pos}.`);
    }
    return { kind: 'bool', value: left };
  }

  private tryLambda(): FilterNode | null {
    // path '/' (any|all) '(' [var ':' expr] ')'
    if (this.peek().t !== 'word') return null;
    let k = 0;
    const path: string[] = [];
    for (;;) {
      const tok = this.peek(k);
      if (tok.t !== 'word') return null;
      const after = this.peek(k + 1);
      const afterNext = this.peek(k + 2);
      if (after.t !== '/') return null;
      path.push(tok.v);
      if (
        afterNext.t === 'word' &&
        (afterNext.v.toLowerCase() === 'any' || afterNext.v.toLowerCase() === 'all') &&
        this.peek(k + 3).t === '('
      ) {
        this.i += k + 3;
        const op = afterNext.v.toLowerCase() as 'any' | 'all';
        this.expect('(');
        if (this.peek().t === ')') {
          this.next();
          if (op === 'all') throw new FilterSyntaxError("'all' needs a lambda expression.");
          return { kind: 'lambda', op, collection: path, variable: '', body: null };
        }
        const variable = this.expect('word');
        this.expect(':');
        const name = variable.t === 'word' ? variable.v : '';
        const body = this.orExpr();
        this.expect(')');
        return { kind: 'lambda', op, collection: path, variable: name, body };
      }
      k += 2;
    }
  }

  private value(): ValueNode {
    const tok = this.next();
    switch (tok.t) {
      case 'string':
        return { kind: 'literal', value: tok.v };
      case 'number':
        return { kind: 'literal', value: tok.v };
      case 'guid':
        return { kind: 'literal', value: tok.v, guid: true };
      case 'word': {
        const lower = tok.v.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if (lower === 'null') return { kind: 'literal', value: null };
        if (this.peek().t === '(') {
          if (!FUNCTIONS.has(lower))
            throw new FilterSyntaxError(`Unknown function '${tok.v}' at position ${tok.pos}.`);
          this.next();
          const args: ValueNode[] = [];
          if (this.peek().t !== ')') {
            args.push(this.value());
            while (this.peek().t === ',') {
              this.next();
              args.push(this.value());
            }
          }
          this.expect(')');
          const arity = lower === 'tolower' || lower === 'toupper' ? 1 : 2;
          if (args.length !== arity) {
            throw new FilterSyntaxError(
              `Function '${lower}' takes ${arity} argument(s), got ${args.length}.`,
            );
          }
          return { kind: 'call', name: lower as FunctionName, args };
        }
        const path = [tok.v];
        while (this.peek().t === '/' && this.peek(1).t === 'word') {
          this.next();
          const seg = this.next();
          if (seg.t === 'word') path.push(seg.v);
        }
        return { kind: 'property', path };
      }
      default:
        throw new FilterSyntaxError(`Expected a value but found ${describe(tok)} at position ${tok.pos}.`);
    }
  }
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'end':
      return 'the end of the expression';
    case 'string':
      return `'${tok.v}'`;
    case 'number':
      return String(tok.v);
    case 'guid':
    case 'word':
      return `'${tok.v}'`;
    default:
      return `'${tok.t}'`;
  }
}

/**
 * Parses a `$filter` expression.
 * @throws FilterSyntaxError when the expression is not valid.
 */
export function parseFilter(text: string): FilterNode {
  if (!text.trim()) throw new FilterSyntaxError('The $filter expression is empty.');
  return new Parser(tokenize(text)).parse();
}

/** The property paths a filter reads (lambda variables resolved to `collection/property`), joined with `/`. */
export function filterPropertyPaths(node: FilterNode): string[] {
  const out = new Set<string>();
  const visitValue = (v: ValueNode, scope: Map<string, string>): void => {
    if (v.kind === 'property') {
      const [head, ...rest] = v.path;
      const base = head !== undefined ? scope.get(head) : undefined;
      out.add(base !== undefined ? [base, ...rest].join('/') : v.path.join('/'));
    } else if (v.kind === 'call') v.args.forEach((a) => visitValue(a, scope));
  };
  const visit = (n: FilterNode, scope: Map<string, string>): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        visit(n.left, scope);
        visit(n.right, scope);
        break;
      case 'not':
        visit(n.operand, scope);
        break;
      case 'compare':
        visitValue(n.left, scope);
        visitValue(n.right, scope);
        break;
      case 'in':
        visitValue(n.left, scope);
        n.values.forEach((v) => visitValue(v, scope));
        break;
      case 'bool':
        visitValue(n.value, scope);
        break;
      case 'lambda': {
        const collection = n.collection.join('/');
        out.add(collection);
        if (n.body) visit(n.body, new Map(scope).set(n.variable, collection));
        break;
      }
    }
  };
  visit(node, new Map());
  return [...out];
}

/** The operators and functions a filter uses (`eq`, `ne`, `not`, `in`, `any`, `startswith`, ...). */
export function filterOperators(node: FilterNode): Set<string> {
  const out = new Set<string>();
  const visitValue = (v: ValueNode): void => {
    if (v.kind === 'call') {
      out.add(v.name);
      v.args.forEach(visitValue);
    }
  };
  const visit = (n: FilterNode): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        out.add(n.kind);
        visit(n.left);
        visit(n.right);
        break;
      case 'not':
        out.add('not');
        visit(n.operand);
        break;
      case 'compare':
        out.add(n.op);
        visitValue(n.left);
        visitValue(n.right);
        break;
      case 'in':
        out.add('in');
        visitValue(n.left);
        n.values.forEach(visitValue);
        break;
      case 'bool':
        visitValue(n.value);
        break;
      case 'lambda':
        out.add(n.op);
        if (n.body) visit(n.body);
        break;
    }
  };
  visit(node);
  return out;
}

type Scope = ReadonlyMap<string, unknown>;

function readPath(root: unknown, path: readonly string[], scope: Scope): unknown {
  let current: unknown;
  let start = 0;
  const head = path[0];
  if (head !== undefined && scope.has(head)) {
    current = scope.get(head);
    start = 1;
  } else {
    current = root;
  }
  for (let i = start; i < path.length; i++) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current)) {
      return undefined;
    }
    const seg = path[i] ?? '';
    const record = current as Record<string, unknown>;
    if (seg in record) current = record[seg];
    else {
      // Graph property names are case-insensitive in queries.
      const lower = seg.toLowerCase();
      const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
      current = key === undefined ? undefined : record[key];
    }
  }
  return current;
}

function evalValue(v: ValueNode, item: unknown, scope: Scope): unknown {
  switch (v.kind) {
    case 'literal':
      return v.value;
    case 'property':
      return readPath(item, v.path, scope);
    case 'call': {
      const args = v.args.map((a) => evalValue(a, item, scope));
      const [a, b] = args;
      if (v.name === 'tolower') return typeof a === 'string' ? a.toLowerCase() : null;
      if (v.name === 'toupper') return typeof a === 'string' ? a.toUpperCase() : null;
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      if (v.name === 'startswith') return x.startsWith(y);
      if (v.name === 'endswith') return x.endsWith(y);
      return x.includes(y);
    }
  }
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  // String equality is case-insensitive for the directory and device properties Graph filters on.
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

function compare(op: ComparisonOperator, left: unknown, right: unknown): boolean {
  const a = normalise(left);
  const b = normalise(right);
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null) return false;
  if (typeof a !== typeof b) return false;
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  switch (op) {
    case 'gt':
      return x > y;
    case 'ge':
      return x >= y;
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
  }
}

function evalNode(node: FilterNode, item: unknown, scope: Scope): boolean {
  switch (node.kind) {
    case 'and':
      return evalNode(node.left, item, scope) && evalNode(node.right, item, scope);
    case 'or':
      return evalNode(node.left, item, scope) || evalNode(node.right, item, scope);
    case 'not':
      return !evalNode(node.operand, item, scope);
    case 'compare':
      return compare(node.op, evalValue(node.left, item, scope), evalValue(node.right, item, scope));
    case 'in': {
      const left = evalValue(node.left, item, scope);
      return node.values.some((v) => compare('eq', left, evalValue(v, item, scope)));
    }
    case 'bool':
      return evalValue(node.value, item, scope) === true;
    case 'lambda': {
      const collection = readPath(item, node.collection, scope);
      if (!Array.isArray(collection)) return false;
      const body = node.body;
      if (body === null) return collection.length > 0;
      const test = (element: unknown): boolean =>
        evalNode(body, item, new Map(scope).set(node.variable, element));
      return node.op === 'any' ? collection.some(test) : collection.every(test);
    }
  }
}

/** True when `item` satisfies the filter. */
export function evaluateFilter(node: FilterNode, item: unknown): boolean {
  return evalNode(node, item, new Map());
}
