// Walking the run call by call: what is known at step k. A forward value exists once the layer
// that produces it has run forward; a gradient exists once the layer it flows back out of has
// run backward.

import type { LayerCall } from '../../src/engine/lens/report';
import type { ReportIndex } from './index';

export interface StepMoment {
  index: number;
  call: LayerCall;
  /** The graph node of the call's layer. */
  node?: string;
  /** Graph edges the call reads and writes. */
  edges: Set<string>;
  forwardKnown: (edgeId: string) => boolean;
  gradientKnown: (edgeId: string) => boolean;
}

export function stepCount(ix: ReportIndex): number {
  return ix.calls.length;
}

export function momentAt(ix: ReportIndex, index: number): StepMoment | undefined {
  const call = ix.calls[index];
  if (!call) return undefined;
  const node = ix.nodeOfLayer.get(call.layer);
  const seqOf = (callId: string | undefined) => (callId ? ix.call.get(callId)?.seq : undefined);
  const edges = new Set<string>();
  if (node) {
    for (const e of ix.inEdges.get(node.id) ?? []) edges.add(e.id);
    for (const e of ix.outEdges.get(node.id) ?? []) edges.add(e.id);
  }
  const byId = new Map(ix.report.graph.edges.map((e) => [e.id, e]));
  const known = (seq: number | undefined) => seq !== undefined && seq <= call.seq;
  return {
    index,
    call,
    node: node?.id,
    edges,
    forwardKnown: (id) => {
      const e = byId.get(id);
      const from = e ? ix.node.get(e.from) : undefined;
      if (!from) return false;
      return from.kind === 'input' || known(seqOf(from.forwardCall));
    },
    gradientKnown: (id) => {
      const e = byId.get(id);
      if (!e) return false;
      const to = ix.node.get(e.to);
      const from = ix.node.get(e.from);
      // The gradient into an output is the seed its producer's backward receives.
      if (to?.kind === 'output') return known(seqOf(from?.backwardCall));
      return known(seqOf(to?.backwardCall));
    },
  };
}
