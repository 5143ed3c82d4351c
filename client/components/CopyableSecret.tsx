import { useId, useRef, useState, type ReactNode } from 'react';

interface CopyableSecretProps {
  label: string;
  value: string;
  hint?: ReactNode;
  copyLabel: string;
  /** What to say once copied: where the person should paste it. */
  copiedMessage: string;
  testId?: string;
}

type CopyState = 'idle' | 'copied' | 'select';

/**
 * A link or token shown once, with a Copy button. Locked-down laptops often block the clipboard API (or the
 * page is not on HTTPS); then the text is selected and the person is told which keys copy it.
 */
export function CopyableSecret({ label, value, hint, copyLabel, copiedMessage, testId }: CopyableSecretProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  const selectText = (): void => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  const handleCopy = (): void => {
    const fallback = (): void => {
      selectText();
      // The old command still works where the clipboard API is blocked; it reports whether it copied.
      setCopyState(document.execCommand('copy') ? 'copied' : 'select');
    };
    if (!navigator.clipboard) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(value).then(() => setCopyState('copied'), fallback);
  };

  return (
    <div className="copyable" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <div className="copyable__row">
        <input
          id={id}
          ref={inputRef}
          value={value}
          readOnly
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          className="copyable__value"
        />
        <button type="button" className="button--secondary copyable__button" onClick={handleCopy}>
          {copyLabel}
        </button>
      </div>
      <p className="copyable__status" role="status">
        {copyState === 'copied' ? copiedMessage : null}
        {copyState === 'select'
          ? 'Your computer did not allow copying from the page. The text is selected: press Ctrl and C (or Command and C on a Mac) to copy it.'
          : null}
      </p>
    </div>
  );
}
