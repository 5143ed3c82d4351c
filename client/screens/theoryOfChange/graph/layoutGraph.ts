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

/** A group box with its place. */
export interface PlacedGroup {
  id: string;
  label: string;
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
/** Room above a group's box for its name. */
export const groupLabelHeight = 22;
const anchorId = '\u0000anchor';

/** Breaks a label into lines that fit a box, with an ellipsis when it is too long. */
export function wrapLabel(text: string, width = nodeWidth - 2 * padding): string[] {
  const perLine = Math.max(8, Math.floor(width / charWidth));
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
 * Lays the graph out left to right with dagre: actions in the first column, indicators next, outcomes (in their
 * domain and level groups) last. Outcomes without links would otherwise float into the first column, so an invisible
 * anchor holds every column in place; it is cut off afterwards.
 */
export function layoutGraph(graph: TheoryOfChangeGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: groupLabelHeight + 28, ranksep: 110, edgesep: 8, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const hasIndicators = graph.nodes.some((node) => node.kind === 'indicator');
  const lastColumn = hasIndicators ? 3 : 2;
  const lines = new Map(graph.nodes.map((node) => [node.id, wrapLabel(node.label)]));
  g.setNode(anchorId, { width: 0, height: 0 });
  for (const node of graph.nodes) {
    const lineCount = lines.get(node.id)!.length + (node.detail ? 1 : 0);
    g.setNode(node.id, { width: nodeWidth, height: lineCount * lineHeight + 2 * padding });
    g.setEdge(
      anchorId,
      node.id,
      { minlen: node.kind === 'action' ? 1 : node.kind === 'indicator' ? 2 : lastColumn, weight: 0 },
      'anchor',
    );
  }
  for (const group of graph.groups) g.setNode(group.id, { width: 0, height: 0 });
  // Only outcomes go in the group boxes: an indicator in its outcome's box would stretch it across two columns.
  for (const node of graph.nodes) if (node.groupId && node.kind === 'outcome') g.setParent(node.id, node.groupId);
  for (const edge of graph.edges) {
    const direct = edge.kind === 'link' && edge.to.startsWith('outcome:') && hasIndicators;
    g.setEdge(edge.from, edge.to, { minlen: direct ? 2 : 1, weight: 2 }, edge.id);
  }
  dagre.layout(g);

  const placedNodes: PlacedNode[] = graph.nodes.map((node) => {
    const {
      x = 0,
      y = 0,
      width,
      height,
    } = g.node(node.id) as { x?: number; y?: number; width: number; height: number };
    return { ...node, x: x - width / 2, y: y - height / 2, width, height, lines: lines.get(node.id)! };
  });
  const placedGroups: PlacedGroup[] = graph.groups.flatMap((group) => {
    const box = g.node(group.id) as { x?: number; y?: number; width?: number; height?: number } | undefined;
    if (!box?.width || !box.height) return [];
    const x = (box.x ?? 0) - box.width / 2;
    const y = (box.y ?? 0) - box.height / 2 - groupLabelHeight;
    return [{ id: group.id, label: group.label, x, y, width: box.width, height: box.height + groupLabelHeight }];
  });
  const placedEdges: PlacedEdge[] = graph.edges.map((edge) => {
    const label = g.edge({ v: edge.from, w: edge.to, name: edge.id }) as { points?: { x: number; y: number }[] };
    return { ...edge, points: label.points ?? [] };
  });
  return normalise(placedNodes, placedGroups, placedEdges);
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
