import { Component, type ReactNode } from 'react';
import type { Messages } from '../messages.ts';

interface Props {
  readonly messages: Messages;
  readonly children: ReactNode;
}

/**
 * Forms are data an admin edits in the browser; if one ever breaks a renderer, the visitor gets a
 * message and a way to try again instead of a blank page. What they typed is still in the draft.
 */
export class FormErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice" role="alert">
        <p>{this.props.messages.loadFailed}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {this.props.messages.retry}
        </button>
      </div>
    );
  }
}
