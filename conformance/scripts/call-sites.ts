/**
 * Static scan of every severity-bearing check call (`ctx.must`, `mustContinue`, `should`, `may`) in
 * conformance/src, with the requirement ids each call can cite. The ids are found by evaluating the
 * argument: literals, consts, object properties, loop variables, destructuring, helper functions and
 * parameters (through every caller of the function). Anything the evaluator cannot read is an error,
 * so a call site is never missed silently. Uses the TypeScript compiler API (a dev dependency), which is
 * why this lives beside the generator and not in the runtime code.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { CallSite, Severity } from '../src/report/severity-audit.js';

const METHODS: Record<string, Severity> = { must: 'must', mustContinue: 'must', should: 'should', may: 'may' };
const MAX_ALTERNATIVES = 512;
const MAX_DEPTH = 40;

class Obj {
  constructor(readonly node: ts.ObjectLiteralExpression, readonly env: Env) {}
}
class Fn {
  constructor(readonly node: ts.FunctionLikeDeclaration, readonly env: Env) {}
}
/** One possible value of an expression; `undefined` is an absent optional argument or property. */
type Value = string | number | Obj | Fn | Value[] | undefined;
type Env = ReadonlyMap<ts.Symbol, { expr: ts.Expression | undefined; env: Env }>;
const EMPTY: Env = new Map();

class Unreadable extends Error {}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export interface ScanResult {
  sites: CallSite[];
  /** One line per call or reference that could not be read; the generator fails on any. */
  errors: string[];
}

/** Scans `<root>/conformance/src` (or the given directories) for check calls. */
export function scanCallSites(root: string, dirs: string[] = [join(root, 'conformance', 'src')]): ScanResult {
  const files = dirs.flatMap((d) => tsFiles(d));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes('node_modules'));
  const scanned = new Set(files.map((f) => ts.sys.resolvePath(f)));
  const where = (n: ts.Node) => {
    const sf = n.getSourceFile();
    return `${relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  };

  const symbolOf = (n: ts.Node): ts.Symbol | undefined => {
    const s = checker.getSymbolAtLocation(n);
    return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  };

  // Every call of every named function, so a parameter can be read through its callers.
  const calls = new Map<ts.Symbol, ts.CallExpression[]>();
  const valueUses = new Map<ts.Symbol, ts.Node[]>();
  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const s = symbolOf(ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression);
        if (s) calls.set(s, [...(calls.get(s) ?? []), n]);
      } else if (ts.isIdentifier(n) && !isDeclarationName(n) && !isCallee(n) && !isImportOrExport(n)) {
        const s = symbolOf(n);
        if (s) valueUses.set(s, [...(valueUses.get(s) ?? []), n]);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  const isCtx = (e: ts.Expression) => checker.getTypeAtLocation(e).getSymbol()?.getName() === 'ScenarioContext';

  function evaluate(e: ts.Expression, env: Env, depth = 0): Value[] {
    if (depth > MAX_DEPTH) throw new Unreadable(`too deep at ${where(e)}`);
    const ev = (x: ts.Expression, en: Env = env) => evaluate(x, en, depth + 1);
    const out = (() => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      if (ts.isNumericLiteral(e)) return [Number(e.text)];
      if (e.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return [undefined];
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) {
        return ev(e.expression);
      }
      if (ts.isTemplateExpression(e)) {
        let acc: string[] = [e.head.text];
        for (const span of e.templateSpans) {
          const parts = ev(span.expression).map((v) => {
            if (typeof v !== 'string' && typeof v !== 'number') throw new Unreadable(`template part is not a string at ${where(span)}`);
            return String(v);
          });
          acc = acc.flatMap((a) => parts.map((p) => a + p + span.literal.text));
        }
        return acc;
      }
      if (ts.isConditionalExpression(e)) return [...ev(e.whenTrue), ...ev(e.whenFalse)];
      if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
        return [...ev(e.left).filter((v) => v !== undefined), ...ev(e.right)];
      }
      if (ts.isArrayLiteralExpression(e)) {
        let acc: Value[][] = [[]];
        for (const el of e.elements) {
          if (ts.isSpreadElement(el)) {
            const spread = ev(el.expression).map((v) => {
              if (!Array.isArray(v)) throw new Unreadable(`spread of a non-array at ${where(el)}`);
              return v;
            });
            acc = acc.flatMap((a) => spread.map((s) => [...a, ...s]));
          } else {
            const alts = ev(el);
            acc = acc.flatMap((a) => alts.map((v) => [...a, v]));
          }
          if (acc.length > MAX_ALTERNATIVES) throw new Unreadable(`too many alternatives at ${where(e)}`);
        }
        return acc;
      }
      if (ts.isObjectLiteralExpression(e)) return [new Obj(e, env)];
      if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return [new Fn(e, env)];
      if (ts.isIdentifier(e)) return identifier(e, env, depth);
      if (ts.isPropertyAccessExpression(e)) return ev(e.expression).flatMap((o) => property(o, e.name.text, e));
      if (ts.isElementAccessExpression(e)) {
        const targets = ev(e.expression);
        let keys: Value[] | undefined;
        try {
          keys = ev(e.argumentExpression);
        } catch (err) {
          if (!(err instanceof Unreadable)) throw err;
          // An unknown key (a parameter of the document kind, say) may pick any entry.
        }
        return targets.flatMap((t) => (keys ? keys.flatMap((k) => element(t, k, e)) : allEntries(t, e)));
      }
      if (ts.isCallExpression(e)) return call(e, env, depth);
      throw new Unreadable(`cannot read ${ts.SyntaxKind[e.kind]} \`${e.getText().slice(0, 60)}\` at ${where(e)}`);
    })();
    if (out.length > MAX_ALTERNATIVES) throw new Unreadable(`too many alternatives at ${where(e)}`);
    return out;
  }

  function property(o: Value, name: string, at: ts.Node): Value[] {
    if (o === undefined) return [];
    if (Array.isArray(o) && name === 'length') return [o.length];
    if (!(o instanceof Obj)) throw new Unreadable(`property ${name} of a non-object at ${where(at)}`);
    const found: Value[] = [];
    for (const p of o.node.properties) {
      if (ts.isSpreadAssignment(p)) found.push(...evaluate(p.expression, o.env).flatMap((s) => property(s, name, at)));
      else if (p.name && propName(p.name) === name) {
        found.length = 0; // a later property wins over a spread before it
        if (ts.isPropertyAssignment(p)) found.push(...evaluate(p.initializer, o.env));
        else if (ts.isShorthandPropertyAssignment(p)) {
          const s = checker.getShorthandAssignmentValueSymbol(p);
          if (!s) throw new Unreadable(`cannot resolve ${name} at ${where(p)}`);
          found.push(...declaredValue(s, o.env, p, 0));
        } else if (ts.isMethodDeclaration(p)) found.push(new Fn(p, o.env));
        else throw new Unreadable(`cannot read property ${name} at ${where(p)}`);
      }
    }
    return found;
  }

  function element(t: Value, key: Value, at: ts.Node): Value[] {
    if (Array.isArray(t) && typeof key === 'number') return [t[key]];
    if (t instanceof Obj && (typeof key === 'string' || typeof key === 'number')) return property(t, String(key), at);
    throw new Unreadable(`cannot index at ${where(at)}`);
  }

  function allEntries(t: Value, at: ts.Node): Value[] {
    if (Array.isArray(t)) return t;
    if (t instanceof Obj) {
      return t.node.properties.flatMap((p) => {
        if (ts.isPropertyAssignment(p)) return evaluate(p.initializer, t.env);
        throw new Unreadable(`cannot list the entries at ${where(p)}`);
      });
    }
    throw new Unreadable(`cannot list the entries at ${where(at)}`);
  }

  function call(e: ts.CallExpression, env: Env, depth: number): Value[] {
    const callee = e.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'slice') {
      const args = e.arguments.map((a) => evaluate(a, env, depth + 1));
      const [start, end] = args.map((a) => (a.length === 1 && typeof a[0] === 'number' ? a[0] : NaN));
      if (args.length > 2 || Number.isNaN(start) || Number.isNaN(end ?? 0)) throw new Unreadable(`slice with unknown bounds at ${where(e)}`);
      return evaluate(callee.expression, env, depth + 1).map((v) => {
        if (!Array.isArray(v)) throw new Unreadable(`slice of a non-array at ${where(e)}`);
        return v.slice(start, end);
      });
    }
    return evaluate(callee, env, depth + 1).flatMap((f) => {
      if (!(f instanceof Fn)) throw new Unreadable(`call of something that is not a function at ${where(e)}`);
      const bound = new Map(f.env);
      f.node.parameters.forEach((p, i) => {
        if (!ts.isIdentifier(p.name)) return; // destructured parameters read through their callers below
        const s = checker.getSymbolAtLocation(p.name);
        if (s) bound.set(s, { expr: e.arguments[i] ?? p.initializer, env });
      });
      return returns(f.node, bound, depth + 1);
    });
  }

  function returns(fn: ts.FunctionLikeDeclaration, env: Env, depth: number): Value[] {
    if (!fn.body) throw new Unreadable(`function without a body at ${where(fn)}`);
    if (!ts.isBlock(fn.body)) return evaluate(fn.body, env, depth);
    const found: Value[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isReturnStatement(n)) found.push(...(n.expression ? evaluate(n.expression, env, depth) : [undefined]));
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn.body, visit);
    return found;
  }

  function identifier(id: ts.Identifier, env: Env, depth: number): Value[] {
    const local = checker.getSymbolAtLocation(id);
    const s = symbolOf(id);
    if (!s) throw new Unreadable(`cannot resolve ${id.text} at ${where(id)}`);
    return declaredValue(local && env.has(local) ? local : s, env, id, depth);
  }

  function declaredValue(s: ts.Symbol, env: Env, at: ts.Node, depth: number): Value[] {
    const bound = env.get(s);
    if (bound) return bound.expr ? evaluate(bound.expr, bound.env, depth + 1) : [undefined];
    const decl = s.valueDeclaration ?? s.declarations?.[0];
    if (!decl) throw new Unreadable(`no declaration for ${s.getName()} at ${where(at)}`);
    if (ts.isFunctionDeclaration(decl)) return [new Fn(decl, EMPTY)];
    if (ts.isVariableDeclaration(decl)) return variable(decl, env, depth);
    if (ts.isBindingElement(decl)) return binding(decl, env, depth);
    if (ts.isParameter(decl)) return parameter(decl, s, depth);
    throw new Unreadable(`cannot read ${s.getName()} (a ${ts.SyntaxKind[decl.kind]}) at ${where(at)}`);
  }

  function variable(decl: ts.VariableDeclaration, env: Env, depth: number): Value[] {
    const list = decl.parent;
    if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) {
      return evaluate(list.parent.expression, env, depth + 1).flatMap((v) => {
        if (!Array.isArray(v)) throw new Unreadable(`for-of over a non-array at ${where(decl)}`);
        return v;
      });
    }
    if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) || !decl.initializer) {
      throw new Unreadable(`${decl.name.getText()} is not a const with a value at ${where(decl)}`);
    }
    return evaluate(decl.initializer, env, depth + 1);
  }

  function binding(el: ts.BindingElement, env: Env, depth: number): Value[] {
    const pattern = el.parent;
    const holder = pattern.parent;
    let whole: Value[];
    if (ts.isBindingElement(holder)) whole = binding(holder, env, depth + 1);
    else if (ts.isVariableDeclaration(holder)) whole = variable(holder, env, depth + 1);
    else if (ts.isParameter(holder)) whole = parameter(holder, undefined, depth + 1);
    else throw new Unreadable(`cannot read a destructured value at ${where(el)}`);
    return whole.flatMap((v) => {
      if (ts.isArrayBindingPattern(pattern)) return element(v, pattern.elements.indexOf(el), el);
      const key = el.propertyName ?? el.name;
      if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) throw new Unreadable(`computed destructuring at ${where(el)}`);
      return property(v, key.text, el);
    });
  }

  /** A parameter takes every value its function's callers pass (or its default). */
  function parameter(p: ts.ParameterDeclaration, s: ts.Symbol | undefined, depth: number): Value[] {
    const fn = p.parent;
    const index = fn.parameters.indexOf(p);
    const name = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined;
    const fnSymbol = name && ts.isIdentifier(name) ? checker.getSymbolAtLocation(name) : undefined;
    if (!fnSymbol) throw new Unreadable(`parameter ${s?.getName() ?? p.name.getText()} of an unnamed function at ${where(p)}`);
    const uses = valueUses.get(fnSymbol);
    if (uses?.length) throw new Unreadable(`${fnSymbol.getName()} is passed as a value at ${where(uses[0]!)}, so its callers are unknown`);
    const callers = calls.get(fnSymbol) ?? [];
    if (!callers.length) throw new Unreadable(`${fnSymbol.getName()} has no caller to read parameter ${p.name.getText()} from, at ${where(p)}`);
    return callers.flatMap((c) => {
      const arg = c.arguments[index];
      if (arg && ts.isSpreadElement(arg)) throw new Unreadable(`spread argument at ${where(arg)}`);
      const expr = arg ?? p.initializer;
      return expr ? evaluate(expr, EMPTY, depth + 1) : [undefined];
    });
  }

  /** The check's name as the scenario writes it: the factory or constant the call starts from. */
  function checkName(e: ts.Expression): string {
    if (ts.isCallExpression(e)) return checkName(e.expression);
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    if (ts.isIdentifier(e)) {
      const s = symbolOf(e);
      const decl = s?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === e.getSourceFile() && !isTopLevelCheck(decl)) {
        return checkName(decl.initializer);
      }
      return e.text;
    }
    return e.getText();
  }

  const sites: CallSite[] = [];
  const errors: string[] = [];
  for (const sf of sources) {
    if (!scanned.has(ts.sys.resolvePath(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && n.name.text in METHODS && isCtx(n.expression)) {
        const severity = METHODS[n.name.text]!;
        const c = n.parent;
        if (!ts.isCallExpression(c) || c.expression !== n) {
          errors.push(`${where(n)}: ctx.${n.name.text} is used without being called, so its severity and requirements cannot be read`);
        } else if (c.arguments.length < 3) {
          errors.push(`${where(c)}: ctx.${n.name.text} is called without its requirement ids`);
        } else {
          try {
            const alts = evaluate(c.arguments[2]!, EMPTY);
            const ids = new Set<string>();
            for (const a of alts) {
              if (!Array.isArray(a) || a.length === 0 || !a.every((x): x is string => typeof x === 'string')) {
                throw new Unreadable('the requirement ids are not a non-empty list of strings');
              }
              a.forEach((x) => ids.add(x));
            }
            if (!ids.size) throw new Unreadable('no requirement id found');
            sites.push({ location: where(c), severity, check: checkName(c.arguments[0]!), requirementIds: [...ids].sort() });
          } catch (err) {
            if (!(err instanceof Unreadable)) throw err;
            errors.push(`${where(c)}: cannot read the requirement ids of ctx.${n.name.text}(${c.arguments[0]!.getText().slice(0, 40)}): ${err.message}`);
          }
        }
      }
      if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && isCtx(n.initializer)) {
        const taken = n.name.elements.map((e) => (e.propertyName ?? e.name).getText()).filter((name) => name in METHODS);
        if (taken.length) errors.push(`${where(n)}: ctx.${taken.join(', ctx.')} is destructured, so its calls cannot be read (call it on the context)`);
      }
      if (ts.isElementAccessExpression(n) && isCtx(n.expression)) {
        errors.push(`${where(n)}: a ScenarioContext member is picked by index, so its severity cannot be read (call ctx.must/mustContinue/should/may by name)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  sites.sort((a, b) => a.location.localeCompare(b.location, 'en', { numeric: true }));
  return { sites, errors };
}

function isTopLevelCheck(decl: ts.VariableDeclaration): boolean {
  return ts.isSourceFile(decl.parent.parent.parent);
}

function propName(n: ts.PropertyName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) || ts.isPrivateIdentifier(n) ? n.text : undefined;
}

function isDeclarationName(n: ts.Identifier): boolean {
  const p = n.parent;
  return (
    (ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isPropertyAssignment(p) ||
      ts.isBindingElement(p) || ts.isPropertyAccessExpression(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) ||
      ts.isPropertyDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isClassDeclaration(p) ||
      ts.isEnumDeclaration(p) || ts.isEnumMember(p)) &&
    (p as { name?: ts.Node }).name === n
  );
}

function isCallee(n: ts.Identifier): boolean {
  const p = n.parent;
  return (ts.isCallExpression(p) && p.expression === n) || (ts.isPropertyAccessExpression(p) && p.name === n && ts.isCallExpression(p.parent) && p.parent.expression === p);
}

function isImportOrExport(n: ts.Node): boolean {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExportAssignment(p)) return true;
    if (ts.isStatement(p)) return false;
  }
  return false;
}
