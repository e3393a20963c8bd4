// Look-ups over one report, built once when it arrives.

import type { GraphEdge, GraphNode, LayerCall, LayerInfo, LensReport, Tape } from '../../src/engine/lens/report';

export interface ReportIndex {
  report: LensReport;
  layer: Map<string, LayerInfo>;
  call: Map<string, LayerCall>;
  tape: Map<string, Tape>;
  node: Map<string, GraphNode>;
  /** Graph edges into / out of each node, by port. */
  inEdges: Map<string, GraphEdge[]>;
  outEdges: Map<string, GraphEdge[]>;
  /** Layer calls in the order they ran. */
  calls: LayerCall[];
  /** The graph node of each layer. */
  nodeOfLayer: Map<string, GraphNode>;
}

export function indexReport(report: LensReport): ReportIndex {
  const inEdges = new Map<string, GraphEdge[]>();
  const outEdges = new Map<string, GraphEdge[]>();
  for (const e of report.graph.edges) {
    if (!inEdges.has(e.to)) inEdges.set(e.to, []);
    if (!outEdges.has(e.from)) outEdges.set(e.from, []);
    inEdges.get(e.to)?.push(e);
    outEdges.get(e.from)?.push(e);
  }
  for (const list of inEdges.values()) list.sort((a, b) => a.toPort - b.toPort);
  for (const list of outEdges.values()) list.sort((a, b) => a.fromPort - b.fromPort);
  const nodeOfLayer = new Map<string, GraphNode>();
  for (const n of report.graph.nodes) if (n.layer) nodeOfLayer.set(n.layer, n);
  return {
    report,
    layer: new Map(report.layers.map((l) => [l.id, l])),
    call: new Map(report.calls.map((c) => [c.id, c])),
    tape: new Map(report.tapes.map((t) => [t.id, t])),
    node: new Map(report.graph.nodes.map((n) => [n.id, n])),
    inEdges,
    outEdges,
    calls: report.calls.slice().sort((a, b) => a.seq - b.seq),
    nodeOfLayer,
  };
}

/** What a learner calls a layer node: its variable name, with the class when they differ. */
export function layerTitle(ix: ReportIndex, node: GraphNode): { name: string; cls: string } {
  const info = node.layer ? ix.layer.get(node.layer) : undefined;
  return { name: info?.label ?? node.label, cls: info?.className ?? node.label };
}
