import { useId } from 'react';

interface MoveButtonsProps {
  /** What is being moved, for the buttons' accessible names ("Move up: Children are safe at home"). */
  name: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (to: number) => void;
}

/**
 * Move up / Move down, for reordering by keyboard. After a move the list re-renders in its new order; focus is put
 * back on the same button (or its partner, at either end) so someone can keep pressing it.
 */
export function MoveButtons({ name, index, count, disabled, onMove }: MoveButtonsProps) {
  const id = useId();
  const move = (to: number, pressed: 'up' | 'down'): void => {
    onMove(to);
    requestAnimationFrame(() => {
      const atEnd = pressed === 'up' ? to === 0 : to === count - 1;
      const target = atEnd ? (pressed === 'up' ? 'down' : 'up') : pressed;
      document.getElementById(`${id}-${target}`)?.focus();
    });
  };
  return (
    <span className="move-buttons">
      <button
        type="button"
        id={`${id}-up`}
        className="button--secondary button--small"
        disabled={disabled || index === 0}
        onClick={() => move(index - 1, 'up')}
      >
        Move up<span className="visually-hidden">: {name}</span>
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="button--secondary button--small"
        disabled={disabled || index >= count - 1}
        onClick={() => move(index + 1, 'down')}
      >
        Move down<span className="visually-hidden">: {name}</span>
      </button>
    </span>
  );
}
