import * as Y from 'yjs';
import { readFramework, type Framework } from '../../../shared/model/framework/index.ts';

/** The framework as a version holds it, read from the workspace document's encoded state (base64). */
export function frameworkOfVersion(documentState: string): Framework | null {
  try {
    const bytes = Uint8Array.from(atob(documentState), (char) => char.charCodeAt(0));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const framework = readFramework(doc);
    doc.destroy();
    return framework;
  } catch {
    return null;
  }
}
