/**
 * The version of the rich-text schema (the nodes and marks the editor can hold). Bump it whenever a node, mark or
 * attribute is added, removed or changes meaning: a browser still running an older build would otherwise rewrite
 * content it does not understand, so the server refuses it (close code 4426) and it is told to reload.
 */
export const editorSchemaVersion = 1;

/** The query parameter of the collaboration socket that carries the client's editor schema version. */
export const editorSchemaVersionParam = 'editorVersion';

/**
 * Whether a client announcing `announced` may join. Clients that send no version (scripts, integrations, the stock
 * y-websocket provider) do not render rich text and are let in; one announcing an older or unreadable version is not.
 */
export function isEditorVersionAccepted(announced: string | null): boolean {
  if (announced === null) return true;
  if (!/^\d{1,6}$/.test(announced)) return false;
  return Number(announced) >= editorSchemaVersion;
}
