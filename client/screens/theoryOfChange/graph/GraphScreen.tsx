import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  coverageGaps,
  filterTheoryOfChange,
  theoryOfChangeGraph,
  type TheoryOfChangeGraph,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { datedFilename, downloadBlob } from '../../../theoryOfChange/exportSheets.ts';
import { useTheoryOfChangeContext } from '../../../theoryOfChange/TheoryOfChangeContext.ts';
import { useFilterParams } from '../../../theoryOfChange/useFilterParams.ts';
import { usePartnership } from '../../partnership/PartnershipContext.ts';
import { FiltersForm } from '../FiltersForm.tsx';
import { TheoryOfChangePage, theoryOfChangePath } from '../TheoryOfChangePage.tsx';
import { svgFileText, svgToPng } from './graphImage.ts';
import { GraphSvg } from './GraphSvg.tsx';
import { layoutGraph, type PlacedNode } from './layoutGraph.ts';
import { LinksTable } from './LinksTable.tsx';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The theory of change as a graph — actions on the left, outcomes grouped by domain and level on the right — laid out
 * automatically and redrawn live as people add links; with filters, image downloads, and the links table that says
 * everything the graph shows.
 */
export function GraphScreen() {
  const { partnership } = usePartnership();
  const { setActivity } = useWorkspaceDoc();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const { filter, showAllOutcomes } = useFilterParams();
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { framework, theoryOfChange } = snapshot;

  const shown = useMemo(
    () => filterTheoryOfChange(theoryOfChange, filter, priorities.outcomeIds),
    [theoryOfChange, filter, priorities],
  );
  // Laid out again only when what the graph draws changes: typing in a mechanism or an assumption elsewhere changes
  // the snapshot but not the graph, and a large graph takes dagre a noticeable moment.
  const graphKey = JSON.stringify(
    theoryOfChangeGraph(framework, shown, theoryOfChange, priorities.outcomeIds, {
      showAllOutcomes,
      priorityOnly: filter.priorityOnly === true,
    }),
  );
  const layout = useMemo(() => layoutGraph(JSON.parse(graphKey) as TheoryOfChangeGraph), [graphKey]);
  const unreached = coverageGaps(framework, theoryOfChange, priorities.outcomeIds).priorityOutcomesWithoutAction;
  const linkCount = layout.edges.filter((edge) => edge.kind === 'link').length;
  const actionCount = layout.nodes.filter((node) => node.kind === 'action').length;
  const outcomeCount = layout.nodes.filter((node) => node.kind === 'outcome').length;
  const title = `Theory of change graph: ${plural(actionCount, 'action')}, ${plural(outcomeCount, 'outcome')}, ${plural(linkCount, 'link')}. The links table below gives the same information.`;

  useEffect(() => {
    setActivity({ viewing: 'toc.graph', editing: undefined });
    // Leaving the screen: others should no longer see me here.
    return () => setActivity({ viewing: undefined, editing: undefined });
  }, [setActivity]);

  const handleOpen = (node: PlacedNode): void => {
    void navigate(theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(node.refId)}`));
  };
  const handleSvg = (): void => {
    if (!svgRef.current) return;
    downloadBlob(
      new Blob([svgFileText(svgRef.current)], { type: 'image/svg+xml;charset=utf-8' }),
      datedFilename(partnership.id, 'theory-of-change-graph', 'svg'),
    );
  };
  const handlePng = async (): Promise<void> => {
    if (!svgRef.current) return;
    setProblem(null);
    try {
      downloadBlob(await svgToPng(svgRef.current), datedFilename(partnership.id, 'theory-of-change-graph', 'png'));
    } catch {
      setProblem('The picture could not be made in this browser. Download the SVG instead.');
    }
  };

  return (
    <TheoryOfChangePage title="Theory of change graph">
      <p className="lead">
        What the offer is meant to change. Lines run from each service or action to the outcomes it is meant to move;
        thicker, more solid lines mean stronger evidence.
      </p>
      <FiltersForm showOutcomeChoice />
      <section aria-labelledby="graph-heading" className="section">
        <div className="toc-graph-heading">
          <h2 id="graph-heading">Graph</h2>
          <div className="button-group">
            <button type="button" className="button--secondary button--small" onClick={handleSvg}>
              Download graph (SVG)
            </button>
            <button type="button" className="button--secondary button--small" onClick={() => void handlePng()}>
              Download graph (PNG)
            </button>
          </div>
        </div>
        {problem ? (
          <p className="notice notice--problem" role="alert">
            {problem}
          </p>
        ) : null}
        <p className="muted" data-testid="graph-summary">
          {plural(actionCount, 'action')}, {plural(outcomeCount, 'outcome')}, {plural(linkCount, 'link')} shown.
        </p>
        {layout.nodes.length === 0 ? (
          <p>Nothing to show yet: add actions to the offer and link them to outcomes.</p>
        ) : (
          <div className="toc-graph-scroll" tabIndex={0} role="region" aria-label="Graph (scroll to see all of it)">
            <GraphSvg ref={svgRef} layout={layout} title={title} onOpen={handleOpen} />
          </div>
        )}
      </section>
      <LinksTable theoryOfChange={shown} priorities={priorities.outcomeIds} unreachedPriorities={unreached} />
    </TheoryOfChangePage>
  );
}
