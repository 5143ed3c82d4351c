import type { MouseEvent } from 'react';

/** The first thing keyboard users reach: jumps past the header to the screen's main content. */
export function SkipLink() {
  // Focus the main landmark directly: with client-side routing a fragment link would only scroll.
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={handleClick}>
      Skip to main content
    </a>
  );
}
