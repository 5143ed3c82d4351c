import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode, TheoryOfChangeGraph } from '../../../../shared/model/theoryOfChange/index.ts';

/** A node with its place and its label broken into lines. */
export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

/** A group box with its place and its name broken into lines. */
export interface PlacedGroup {
  id: string;
  label: string;
  labelLines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge with the points of its line. */
export interface PlacedEdge extends GraphEdge {
  points: { x: number; y: number }[];
}

/** The graph laid out, in SVG coordinates starting at (0, 0). */
export interface GraphLayout {
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const nodeWidth = 240;
const lineHeight = 16;
const padding = 10;
// Roughly the width of a character at the 13px the boxes use, to break labels into lines before layout.
const charWidth = 6.6;
const maxLines = 4;
// Group names are bold 12px, a little wider per character than the boxes' text.
const groupCharWidth = 7.2;
/** Baseline-to-baseline distance of a group name's lines. */
export const groupLabelLineHeight = 16;
const anchorId = '\u0000anchor';
const groupPadding = 8;
/** Space between outcomes stacked in a group. */
const stackGap = 8;

/** Breaks a label into lines that fit a box, with an ellipsis when it is too long. */
export function wrapLabel(text: string, width = nodeWidth - 2 * padding, characterWidth = charWidth): string[] {
  const perLine = Math.max(8, Math.floor(width / characterWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1)}…`;
    return kept;
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * Lays the graph out left to right with dagre: actions in the first column, indicators next, outcomes last. Each
 * domain × level group goes to dagre as one tall box, so groups can never overlap; its outcomes are stacked inside it
 * in framework order, and each line's last point is moved from the group's edge to its outcome. Dagre orders the
 * columns to cross as few lines as it can.
 */
export function layoutGraph(graph: TheoryOfChangeGraph): GraphLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 110, edgesep: 8, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const hasIndicators = graph.nodes.some((node) => node.kind === 'indicator');
  const lastColumn = hasIndicators ? 3 : 2;
  const lines = new Map(graph.nodes.map((node) => [node.id, wrapLabel(node.label)]));
  // A group's name ("Learning · Babies, children and young people") wraps inside its box rather than overflowing it.
  const groupLines = new Map(
    graph.groups.map((group) => [group.id, wrapLabel(group.label, nodeWidth, groupCharWidth)]),
  );
  const groupLabelHeight = (groupId: string): number => groupLines.get(groupId)!.length * groupLabelLineHeight + 6;
  const heightOf = (node: GraphNode): number =>
    (lines.get(node.id)!.length + (node.detail ? 1 : 0)) * lineHeight + 2 * padding;
  const members = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.kind !== 'outcome' || !node.groupId) continue;
    members.set(node.groupId, [...(members.get(node.groupId) ?? []), node]);
  }
  // What dagre sees in place of each node: its own box, or its group's box.
  const boxId = (node: GraphNode): string => (node.kind === 'outcome' && node.groupId ? node.groupId : node.id);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const column = (node: GraphNode): number => (node.kind === 'action' ? 1 : node.kind === 'indicator' ? 2 : lastColumn);

  const columnOfBox = new Map<string, number>();
  const addBox = (id: string, width: number, height: number, boxColumn: number): void => {
    g.setNode(id, { width, height });
    columnOfBox.set(id, boxColumn);
  };
  for (const node of graph.nodes) if (boxId(node) === node.id) addBox(node.id, nodeWidth, heightOf(node), column(node));
  for (const group of graph.groups) {
    const inside = members.get(group.id) ?? [];
    if (inside.length === 0) continue;
    const height =
      groupLabelHeight(group.id) +
      inside.reduce((sum, node) => sum + heightOf(node), 0) +
      (inside.length - 1) * stackGap;
    addBox(group.id, nodeWidth + 2 * groupPadding, height + 2 * groupPadding, lastColumn);
  }
  // One dagre edge per pair of boxes, however many links run between them: parallel edges only slow dagre down.
  const routeOf = (edge: GraphEdge): { v: string; w: string } => ({
    v: boxId(byId.get(edge.from)!),
    w: boxId(byId.get(edge.to)!),
  });
  for (const edge of graph.edges) {
    const { v, w } = routeOf(edge);
    const span = column(byId.get(edge.to)!) - column(byId.get(edge.from)!);
    const existing = g.edge(v, w) as { weight: number; minlen: number } | undefined;
    g.setEdge(v, w, { minlen: Math.max(1, span, existing?.minlen ?? 1), weight: (existing?.weight ?? 0) + 2 });
  }
  // A box nothing links to would fall into the first column: an invisible anchor there holds it in its own.
  g.setNode(anchorId, { width: 0, height: 0 });
  for (const [id, boxColumn] of columnOfBox) {
    if (boxColumn > 1 && (g.inEdges(id) ?? []).length === 0)
      g.setEdge(anchorId, id, { minlen: boxColumn - 1, weight: 0 });
  }
  dagre.layout(g);

  const centreBox = (id: string) => {
    const { x = 0, y = 0, width, height } = g.node(id) as { x?: number; y?: number; width: number; height: number };
    return { x: x - width / 2, y: y - height / 2, width, height };
  };
  const placed = new Map<string, PlacedNode>();
  for (const node of graph.nodes) {
    if (boxId(node) === node.id) placed.set(node.id, { ...node, ...centreBox(node.id), lines: lines.get(node.id)! });
  }
  const placedGroups: PlacedGroup[] = [];
  for (const group of graph.groups) {
    const inside = members.get(group.id) ?? [];
    if (inside.length === 0) continue;
    const box = centreBox(group.id);
    placedGroups.push({ id: group.id, label: group.label, labelLines: groupLines.get(group.id)!, ...box });
    let y = box.y + groupPadding + groupLabelHeight(group.id);
    for (const node of inside) {
      const height = heightOf(node);
      placed.set(node.id, {
        ...node,
        x: box.x + groupPadding,
        y,
        width: nodeWidth,
        height,
        lines: lines.get(node.id)!,
      });
      y += height + stackGap;
    }
  }
  const placedEdges: PlacedEdge[] = graph.edges.map((edge) => {
    const from = placed.get(edge.from)!;
    const to = placed.get(edge.to)!;
    const label = g.edge(routeOf(edge)) as { points?: { x: number; y: number }[] };
    const start = { x: from.x + from.width, y: from.y + from.height / 2 };
    const end = { x: to.x, y: to.y + to.height / 2 };
    // Dagre's own ends sit on the boxes' (or the group's) edges; lines run from the right side of one box to the left
    // side of the other instead, through the points dagre routed across the columns in between.
    const between = (label.points ?? []).filter((point) => point.x > start.x + 60 && point.x < end.x - 60);
    return { ...edge, points: [start, ...between, end] };
  });
  return normalise(
    graph.nodes.map((node) => placed.get(node.id)!),
    placedGroups,
    placedEdges,
  );
}

/** Moves everything so the drawing starts at a small margin from (0, 0), without the anchor's column. */
function normalise(nodes: PlacedNode[], groups: PlacedGroup[], edges: PlacedEdge[]): GraphLayout {
  const margin = 16;
  const boxes = [...nodes, ...groups];
  if (boxes.length === 0) return { nodes, groups, edges, width: 0, height: 0 };
  const minX = Math.min(...boxes.map((box) => box.x));
  const minY = Math.min(...boxes.map((box) => box.y));
  const maxX = Math.max(...boxes.map((box) => box.x + box.width));
  const maxY = Math.max(...boxes.map((box) => box.y + box.height));
  const dx = margin - minX;
  const dy = margin - minY;
  return {
    nodes: nodes.map((node) => ({ ...node, x: node.x + dx, y: node.y + dy })),
    groups: groups.map((group) => ({ ...group, x: group.x + dx, y: group.y + dy })),
    edges: edges.map((edge) => ({ ...edge, points: edge.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) })),
    width: maxX - minX + 2 * margin,
    height: maxY - minY + 2 * margin,
  };
}
