import { lazy, Suspense } from 'react';
import type { NarrativeEditorProps } from '../editor/NarrativeEditor.tsx';

// Tiptap and ProseMirror are the heaviest code in the app: loaded only when a narrative is first shown.
const NarrativeEditor = lazy(async () => ({
  default: (await import('../editor/NarrativeEditor.tsx')).NarrativeEditor,
}));

/** The narrative editor, loaded on first use. */
export function LazyNarrativeEditor(props: NarrativeEditorProps) {
  return (
    <Suspense fallback={<p className="muted loading">Loading the editor…</p>}>
      <NarrativeEditor {...props} />
    </Suspense>
  );
}
