import type { ReadWorkspaceDoc } from '../comments/CommentService.ts';
import { exportNeedsAssessmentHtml } from './exportNeedsAssessment.ts';

/** The needs assessment as a document to take away: read from the server's copy of the workspace doc. */
export class NeedsAssessmentService {
  readonly #readWorkspace: ReadWorkspaceDoc;

  constructor(readWorkspace: ReadWorkspaceDoc) {
    this.#readWorkspace = readWorkspace;
  }

  /** The whole needs assessment as one sanitised HTML page, with a file name for the download. */
  async exportHtml(partnership: { id: string; name: string }): Promise<{ filename: string; body: string }> {
    const body = await this.#readWorkspace(partnership.id, (doc) =>
      exportNeedsAssessmentHtml(doc, partnership.name, new Date()),
    );
    return { filename: `needs-assessment-${partnership.id}.html`, body };
  }
}
