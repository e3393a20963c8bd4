// Hazards: code that computes the right numbers in this run but breaks in a slightly different
// network. Two are detected from what the tracer saw:
//  - `backward` writing into its `dout` argument (the book's ReLU: `dout[self.mask] = 0`);
//  - `forward` caching an array by reference that the caller then changed before `backward` ran.

import type { Stmt } from '../ast';
import { memoryRoots } from './autodiff';
import type { PyFunction } from '../values';
import type { LensSession } from './inspect';
import type { Hazard, LensReport, SourceSpan } from './report';
import type { TracedCall } from './tracer';

/** Every statement of a function body, nested blocks included, in source order. */
export function* statements(body: Stmt[]): Generator<Stmt> {
  for (const s of body) {
    yield s;
    switch (s.kind) {
      case 'If':
      case 'While':
      case 'For':
        yield* statements(s.body);
        yield* statements(s.orelse);
        break;
      case 'With':
        yield* statements(s.body);
        break;
      case 'Try':
        yield* statements(s.body);
        for (const h of s.handlers) yield* statements(h.body);
        yield* statements(s.orelse);
        yield* statements(s.finalbody);
        break;
      default:
        break;
    }
  }
}

/** The last statement of `fn` that assigns `self.<attr>` (plain or augmented). */
export function attrAssignment(fn: PyFunction, attr: string): Stmt | undefined {
  const self = fn.info.params[0]?.name ?? 'self';
  let found: Stmt | undefined;
  for (const s of statements(fn.info.body)) {
    const targets = s.kind === 'Assign' ? s.targets.flatMap((t) => (t.kind === 'Tuple' || t.kind === 'List' ? t.elts : [t])) : s.kind === 'AugAssign' || s.kind === 'AnnAssign' ? [s.target] : [];
    if (targets.some((t) => t.kind === 'Attribute' && t.attr === attr && t.value.kind === 'Name' && t.value.id === self)) found = s;
  }
  return found;
}

export function spanIn(fn: PyFunction, s: { line: number; col: number; endLine: number; endCol: number }): SourceSpan {
  return { file: fn.file ?? fn.module.file ?? '', line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol };
}

/**
 * The arguments a call wrote into, from its tape: item assignments and in-place operators on an
 * argument or on a view of one (`dout[mask] = 0`, `dout *= 2`, `v = dout[0]; v[...] = 0`), with the
 * first write's span. Unlike TracedCall.mutatedArgs, this sees writes that left the values as they
 * were (zeroing elements that were already 0), which break other programs all the same.
 */
export function argumentWrites(call: TracedCall): Map<string, SourceSpan> {
  const tape = call.tape;
  const roots = memoryRoots(tape);
  const out = new Map<string, SourceSpan>();
  for (const o of tape.ops) {
    if (o.op !== 'setitem' && o.params?.inPlace !== true) continue;
    const r = roots.get(o.inputs[0]);
    if (r?.kind === 'arg' && !out.has(r.name)) out.set(r.name, o.span);
  }
  return out;
}

export function analyzeHazards(lens: LensSession, report: LensReport): void {
  const seen = new Set<string>();
  const text = (span: SourceSpan | undefined) => (span ? lens.tracer.textOf(span).trim() : '');
  for (const call of lens.calls) {
    if (call.method !== 'backward') continue;
    const layer = call.layer;
    const cls = layer.cls.name;
    const writes = argumentWrites(call);
    const names = [...new Set([...call.mutatedArgs, ...writes.keys()])].filter((n) => {
      const a = call.args.find((x) => x.name === n);
      return a !== undefined && a.live !== null && typeof a.live === 'object';
    });
    for (const name of names) {
      const key = `dout:${layer.id}:${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const span = writes.get(name);
      const where = span ? `at line ${span.line} (\`${text(span)}\`)` : '';
      const hazard: Hazard = {
        kind: 'dout-mutated',
        layer: layer.id,
        call: call.id,
        span,
        message:
          `${cls}.backward writes into its argument \`${name}\` ${where}`.trimEnd() +
          `. That array belongs to the caller: the write changes the caller's gradient too. In a plain chain ` +
          `of layers nobody reads it again, so the result is right here; but where a gradient branches ` +
          `(the same upstream gradient array is passed to two layers, as for a value used twice or a skip ` +
          `connection), the second layer receives it already zeroed, and its gradient is silently wrong. ` +
          `Work on a copy: \`dx = ${name}.copy()\`, then write into dx.`,
      };
      report.hazards.push(hazard);
    }
    const forward = call.forward;
    for (const name of call.staleCache) {
      const key = `stale:${layer.id}:${name}`;
      if (seen.has(key) || !forward) continue;
      seen.add(key);
      const stmt = attrAssignment(forward.fn, name);
      const span = stmt ? spanIn(forward.fn, stmt) : undefined;
      const arg = forward.args.find((a) => a.live === layer.instance.dict.get(name) || a.live === call.selfBeforeLive.get(name));
      report.hazards.push({
        kind: 'cached-input-mutated',
        layer: layer.id,
        call: call.id,
        span,
        message:
          `${cls}.forward caches \`self.${name}\`${span ? ` at line ${span.line}` : ''} as a reference to its argument` +
          `${arg ? ` \`${arg.name}\`` : ''}, and the caller changed that array after forward returned and before ` +
          `backward ran. backward then computed with the changed values, not the ones forward saw, so its ` +
          `gradients are wrong. Cache a copy (\`self.${name} = ${arg?.name ?? name}.copy()\`), or do not modify the ` +
          `array in place between forward and backward.`,
      });
    }
  }
}
