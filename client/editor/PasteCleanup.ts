import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './wordPaste.ts';

/** Keeps the structure of what is pasted from Word (lists, headings); Excel tables arrive as tables already. */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: { transformPastedHTML: (html) => cleanPastedHtml(html) },
      }),
    ];
  },
});
