import { Component, type ReactNode } from 'react';
import { ProblemPage } from './ProblemPage.tsx';

/**
 * Catches a screen that fails to render or to load its code (after an update, old code files disappear) and
 * says so in plain words: never a stack trace.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // Moving to another page gives that page a fresh start.
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ProblemPage
        title="This page could not be shown"
        message="Common Ground may have been updated while you were using it. Reload the page to carry on; your work in workspaces is saved as you type."
        onRetry={() => window.location.reload()}
      />
    );
  }
}
