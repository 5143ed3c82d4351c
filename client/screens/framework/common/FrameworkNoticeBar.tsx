import { useFramework } from '../../../framework/FrameworkContext.ts';

function sentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Says what I just did ("Deleted the outcome …") with an Undo button for my last step. The status region is always
 * present, so screen readers announce each new message politely.
 */
export function FrameworkNoticeBar() {
  const { notice, undo, announce } = useFramework();
  const handleUndo = (): void => {
    const undone = undo.undo();
    if (undone) announce(`Undone: ${sentence(undone)}.`);
  };
  return (
    <div className="framework-notice" role="status" data-testid="framework-notice">
      {notice ? (
        <div className="notice notice--info framework-notice__body">
          <p className="framework-notice__message">{notice.message}</p>
          {undo.nextUndo ? (
            <button type="button" className="button--secondary button--small" onClick={handleUndo}>
              Undo<span className="visually-hidden">: {sentence(undo.nextUndo)}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
