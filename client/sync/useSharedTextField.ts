import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { setText } from '../../shared/model/text.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds an uncontrolled input or textarea to a shared text. Local typing becomes a minimal Yjs edit; remote
 * edits update the field while keeping the caret where the person left it (shifted past text inserted before it).
 * Uncontrolled on purpose: React re-rendering the value would move the caret on every remote keystroke.
 */
export function useSharedTextField<T extends TextField>(text: Y.Text | null, maxLength: number) {
  const ref = useRef<T>(null);

  useEffect(() => {
    const field = ref.current;
    if (!field || !text) return;
    field.value = text.toString();
    const localOrigin = Symbol('local-field');

    const handleInput = (): void => {
      const value = field.value.slice(0, maxLength);
      text.doc?.transact(() => setText(text, value), localOrigin);
    };
    const handleRemote = (event: Y.YTextEvent): void => {
      if (event.transaction.origin === localOrigin) return;
      const focused = document.activeElement === field;
      let start = field.selectionStart ?? 0;
      let end = field.selectionEnd ?? 0;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain !== undefined) index += op.retain;
        else if (typeof op.insert === 'string') {
          const length = op.insert.length;
          if (index <= start) start += length;
          if (index < end) end += length;
          index += length;
        } else if (op.delete !== undefined) {
          if (index < start) start -= Math.min(op.delete, start - index);
          if (index < end) end -= Math.min(op.delete, end - index);
        }
      }
      field.value = text.toString();
      if (focused) field.setSelectionRange(start, end);
    };

    field.addEventListener('input', handleInput);
    text.observe(handleRemote);
    return () => {
      field.removeEventListener('input', handleInput);
      text.unobserve(handleRemote);
    };
  }, [text, maxLength]);

  return ref;
}
