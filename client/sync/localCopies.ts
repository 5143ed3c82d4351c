import { workspaceDocName } from '../../shared/protocol/docNames.ts';

// y-indexeddb names each database after its document; every document we host starts with this prefix.
const docPrefix = workspaceDocName('');

/**
 * Deletes every document copy kept on this device. A deletion waits until open copies are closed (the
 * workspace screen closes its copy when it unmounts), so this can run while a workspace is still open.
 */
export async function forgetLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  try {
    const databases = await indexedDB.databases();
    for (const { name } of databases) {
      if (name?.startsWith(docPrefix)) indexedDB.deleteDatabase(name);
    }
  } catch {
    // Private browsing or a locked-down profile may refuse to list databases; nothing was kept then.
  }
}
